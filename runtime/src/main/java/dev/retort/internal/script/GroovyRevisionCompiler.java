package dev.retort.internal.script;

import dev.retort.dsl.groovy.MigrationBuilder;
import dev.retort.dsl.groovy.RevisionScript;
import dev.retort.dsl.op.Operation;
import java.util.IdentityHashMap;
import java.util.Map;
import groovy.lang.GroovyClassLoader;
import org.codehaus.groovy.util.ReleaseInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ModuleNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * Compiles Groovy revisions against {@link RevisionScript}, so scripts need no imports. Class files go through the
 * precompiled revisions and the compile cache: a script whose text has not changed since it was compiled is loaded, not
 * compiled.
 */
public final class GroovyRevisionCompiler implements RevisionCompiler {
    static {
        // Groovy's parser drops its prediction (DFA) cache every 64 parses to bound memory in long-lived
        // processes. A migration run is short and parses many look-alike scripts: keeping the cache warm
        // makes a cold run over hundreds of revisions markedly faster. A user's own setting wins.
        if (System.getProperty("groovy.antlr4.cache.threshold") == null)
            System.setProperty("groovy.antlr4.cache.threshold", String.valueOf(Integer.MAX_VALUE));
    }

    private static final String[] STAR_IMPORTS = {"dev.retort.dsl.groovy", "java.time"};
    /**
     * Everything besides the text that decides the class files; part of the cache key. The version comes from Groovy's
     * release file, not {@code GroovySystem}: initialising that builds the metaclass registry (~0.3 s), which a run whose
     * revisions are all cached, or that has nothing to do, never needs.
     */
    private static final String OPTIONS = "groovy " + ReleaseInfo.getVersion() + "; base " + RevisionScript.class.getName()
            + "; imports " + String.join(",", STAR_IMPORTS) + "; target 17; " + CommandCalls.VERSION + "; " + GroovyLiteralReader.VERSION;

    private final CompiledScripts store;
    private final CompileProgress progress;
    private final boolean readLiterals;

    public GroovyRevisionCompiler(ScriptCompileCache cache) { this(new CompiledScripts(PrecompiledRevisions.none(), cache)); }

    public GroovyRevisionCompiler(CompiledScripts store) { this(store, CompileProgress.NONE); }

    /** @param progress told how compiling the cache misses goes, script by script */
    public GroovyRevisionCompiler(CompiledScripts store, CompileProgress progress) { this(store, progress, true); }

    /** @param readLiterals whether scripts of DSL calls with literal arguments are read as data (see {@link GroovyLiteralReader}) */
    GroovyRevisionCompiler(CompiledScripts store, CompileProgress progress, boolean readLiterals) {
        this.store = store;
        this.progress = progress;
        this.readLiterals = readLiterals;
    }

    @Override public ScriptLanguage language() { return ScriptLanguage.GROOVY; }

    @Override public LoadedRevision load(RevisionSource source) { return loadAll(List.of(source)).get(0); }

    /** A script to load: its class name and cache key, and its text once it is read for compiling (null before). */
    private record Script(RevisionSource source, String className, String key, String text) {
        /** Keyed by the text hash the scan found, so a cached script is not read again. */
        static Script of(RevisionSource source) {
            String className = GroovyRevisionCompiler.className(source);
            return new Script(source, className, keyFor(className, source.textHash()), null);
        }

        /** With its text, keyed by what was read (the file may have changed since the scan). */
        Script withText() {
            String text = read(source);
            return new Script(source, className, keyFor(className, RevisionSource.hashOf(text)), text);
        }
    }

    private static String keyFor(String className, String textHash) {
        return ScriptCompileCache.key(ScriptCompileCache.buildId(), OPTIONS, className, textHash);
    }

    /**
     * A script unchanged since an earlier run recorded its operations is not loaded at all: the recording is read back.
     * Otherwise precompiled and cached scripts are defined straight from their class files, and the misses are compiled
     * in batches, one CompilationUnit per batch (so class lookups are resolved once per batch, not once per script) and
     * one batch per processor in parallel; then each loaded script runs and what it recorded is kept for the next run.
     */
    @Override public List<LoadedRevision> loadAll(List<RevisionSource> sources) {
        List<Script> scripts = new ArrayList<>(sources.stream().map(Script::of).toList());
        LoadedRevision[] loaded = new LoadedRevision[scripts.size()];
        Map<String, Class<?>> types = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        List<Script> misses = new ArrayList<>();
        List<Integer> toRun = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Script script = scripts.get(i);
            Optional<LoadedRevision> recorded = store.recording(script.key(), script.source());
            if (recorded.isPresent()) { loaded[i] = recorded.get(); continue; }
            // Most revisions are DSL calls with literal arguments: read those as data, without compiling them.
            script = script.withText();
            Optional<LoadedRevision> read = readLiterals ? GroovyLiteralReader.read(script.source(), script.text()) : Optional.empty();
            if (read.isPresent()) {
                loaded[i] = read.get();
                store.storeReadRecording(script.key(), read.get());
                continue;
            }
            scripts.set(i, script);
            toRun.add(i);
            keys.put(script.className(), script.key());
            Class<?> type = store.load(script.key(), GroovyRevisionCompiler::defineScript);
            if (type == null) misses.add(script); else types.put(script.className(), type);
        }
        for (Map.Entry<Script, CompiledScriptClasses> compiled : compileMisses(misses).entrySet()) {
            store.store(compiled.getKey().key(), compiled.getValue());
            keys.put(compiled.getKey().className(), compiled.getKey().key());
            types.put(compiled.getKey().className(), compiled.getValue().define(loader()));
        }
        // Running a script and its blocks is mostly Groovy setting up metaclasses for its classes, independent per
        // script: with many revisions, spread it over the processors.
        var stream = toRun.size() >= MIN_BATCH ? toRun.parallelStream() : toRun.stream();
        stream.forEach(i -> {
            Script s = scripts.get(i);
            LoadedRevision recorded = record(s.source(), s.className(), types.get(s.className()));
            store.storeRecording(keys.get(s.className()), recorded);
            loaded[i] = recorded;
        });
        return List.of(loaded);
    }

    @Override public List<CompiledRevision> compileAll(List<RevisionSource> sources) {
        List<Script> scripts = sources.stream().map(Script::of).toList();
        Map<String, CompiledRevision> found = new HashMap<>();
        List<Script> misses = new ArrayList<>();
        for (Script script : scripts) {
            var classes = store.read(script.key());
            if (classes.isPresent()) found.put(script.className(), new CompiledRevision(script.source(), script.key(), classes.get()));
            else misses.add(script);
        }
        compileMisses(misses.stream().map(Script::withText).toList()).forEach((script, classes) -> {
            store.store(script.key(), classes);
            found.put(script.className(), new CompiledRevision(script.source(), script.key(), classes));
        });
        return scripts.stream().map(s -> found.get(s.className())).toList();
    }

    private static LoadedRevision record(RevisionSource source, String className, Class<?> scriptClass) {
        return ScriptRuns.record(source, className, () -> {
            RevisionScript script = (RevisionScript) scriptClass.getDeclaredConstructor().newInstance();
            script.readSqlFilesWith(new RevisionSqlFiles(source.file()));
            script.run();
            MigrationBuilder up = script.recordUpgrade();
            MigrationBuilder down = script.recordDowngrade();
            Map<Operation, Integer> lines = new IdentityHashMap<>(up.lines());
            lines.putAll(down.lines());
            return new LoadedRevision(source, up.operations(),
                    script.hasDowngrade() ? Optional.of(down.operations()) : Optional.empty(), lines, up.assured());
        });
    }

    /** Compiled classes per script, in the scripts' order; the first script (in that order) that fails is reported. */
    private Map<Script, CompiledScriptClasses> compileMisses(List<Script> misses) {
        Map<Script, CompiledScriptClasses> out = new LinkedHashMap<>();
        if (misses.isEmpty()) return out;
        progress.compiled(0, misses.size());
        try {
            compileMisses(misses, out);
        } catch (RuntimeException | Error e) {
            progress.failed(misses.size());
            throw e;
        }
        progress.finished(misses.size());
        return out;
    }

    private void compileMisses(List<Script> misses, Map<Script, CompiledScriptClasses> out) {
        AtomicInteger done = new AtomicInteger();
        Runnable oneDone = () -> progress.compiled(done.incrementAndGet(), misses.size());
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, misses.size() / MIN_BATCH));
        List<List<Script>> batches = new ArrayList<>();
        int size = (misses.size() + threads - 1) / threads;
        for (int i = 0; i < misses.size(); i += size) batches.add(misses.subList(i, Math.min(misses.size(), i + size)));
        List<Future<Map<Script, CompiledScriptClasses>>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(batches.size(), r -> {
            Thread t = new Thread(r, "retort-groovy-compiler");
            t.setDaemon(true);
            return t;
        });
        try {
            for (List<Script> batch : batches) results.add(pool.submit(() -> compileBatch(batch, oneDone)));
            for (int i = 0; i < batches.size(); i++) {
                try {
                    out.putAll(results.get(i).get());
                } catch (ExecutionException e) {
                    // Some script of this batch does not compile, or two of them declare a class of the same name (which
                    // one compilation unit refuses, though each script's classes load on their own): compile them one by
                    // one, which names the first that fails, or else gives every script its classes.
                    for (Script script : batches.get(i)) out.putAll(compileBatch(List.of(script), () -> {}));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while compiling revisions", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A batch smaller than this is not worth a thread of its own. */
    private static final int MIN_BATCH = 16;

    /** One CompilationUnit for several scripts; each script's classes are its class and its closures ({@code name$…}). */
    private static Map<Script, CompiledScriptClasses> compileBatch(List<Script> batch, Runnable oneDone) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(RevisionScript.class.getName());
        config.setSourceEncoding("UTF-8");
        config.setTargetBytecode(CompilerConfiguration.JDK17);
        Map<String, Script> byClass = new HashMap<>();
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports(STAR_IMPORTS), new CompilationCustomizer(CompilePhase.CLASS_GENERATION) {
            // Called per class as its bytecode is generated: a script's own class means one more script compiled.
            @Override public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
                if (byClass.containsKey(classNode.getName())) oneDone.run();
            }
        });
        try (GroovyClassLoader resolver = new GroovyClassLoader(loader(), config)) {
            CompilationUnit unit = new CompilationUnit(config, null, resolver);
            for (Script script : batch) {
                // Parenthesised command expressions keep the parser on its fast path (see CommandCalls).
                unit.addSource(script.className() + ".groovy", CommandCalls.parenthesize(script.text()));
                byClass.put(script.className(), script);
            }
            unit.compile(Phases.CLASS_GENERATION);
            Map<Script, Map<String, byte[]>> classes = new LinkedHashMap<>();
            for (Script script : batch) classes.put(script, new LinkedHashMap<>());
            Map<String, Script> byTopLevelClass = topLevelClasses(unit, byClass);
            for (GroovyClass c : unit.getClasses()) {
                int dollar = c.getName().indexOf('$');
                Script owner = byTopLevelClass.get(dollar < 0 ? c.getName() : c.getName().substring(0, dollar));
                if (owner == null) throw new IllegalStateException("compiled class " + c.getName() + " belongs to none of the scripts compiled");
                classes.get(owner).put(c.getName(), c.getBytes());
            }
            Map<Script, CompiledScriptClasses> out = new LinkedHashMap<>();
            classes.forEach((script, files) -> out.put(script, new CompiledScriptClasses(script.className(), files)));
            return out;
        } catch (MultipleCompilationErrorsException e) {
            if (batch.size() > 1) throw e;
            Script script = batch.get(0);
            Message first = e.getErrorCollector().getErrors().get(0);
            if (first instanceof SyntaxErrorMessage sem) {
                SyntaxException se = sem.getCause();
                throw new ScriptException(script.source().file(), se.getLine(), se.getStartColumn(),
                        se.getOriginalMessage().strip() + ScriptRuns.sourceLine(script.text(), se.getLine(), se.getStartColumn()), e);
            }
            throw new ScriptException(script.source().file(), 0, "does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScriptException(batch.get(0).source().file(), 0, "does not compile: " + e.getMessage(), e);
        }
    }

    /**
     * Which script declared each top-level class: its own script class, and any class, interface, enum or trait it
     * declares beside it ({@code class Helper { … }}), whose names are the user's, not derived from the script's.
     */
    private static Map<String, Script> topLevelClasses(CompilationUnit unit, Map<String, Script> byClass) {
        Map<String, Script> out = new HashMap<>(byClass);
        for (ModuleNode module : unit.getAST().getModules()) {
            String source = module.getContext().getName();
            Script script = byClass.get(source.endsWith(".groovy") ? source.substring(0, source.length() - ".groovy".length()) : source);
            if (script == null) continue;
            for (ClassNode declared : module.getClasses()) out.putIfAbsent(declared.getName(), script);
        }
        return out;
    }

    /** The class name every stack frame of this script carries, so errors map back to the file. */
    static String className(RevisionSource source) {
        return "retort_revision_" + source.revision().id().replaceAll("[^A-Za-z0-9_]", "_");
    }

    static String read(RevisionSource source) {
        try {
            return Files.readString(source.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(source.file(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static ClassLoader loader() { return GroovyRevisionCompiler.class.getClassLoader(); }

    /** A stored entry's main class; throws when its class files do not load or are not a revision script. */
    private static Class<?> defineScript(CompiledScriptClasses stored) {
        Class<?> type = stored.define(loader());
        if (!RevisionScript.class.isAssignableFrom(type)) throw new ClassFormatError("not a revision script");
        return type;
    }
}
