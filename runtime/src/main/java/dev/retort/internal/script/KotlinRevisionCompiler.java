package dev.retort.internal.script;

import dev.retort.dsl.kotlin.MigrationDsl;
import dev.retort.dsl.kotlin.RevisionDsl;
import dev.retort.dsl.op.Operation;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads Kotlin revisions ({@code .kts}): from the precompiled revisions or the compile cache when the script is unchanged,
 * otherwise through the Kotlin compiler, compiling all misses of a run together. This class never refers to compiler classes itself
 * (see {@link KotlinCompilerBridge}), so a fully cached or precompiled run does not load the compiler.
 */
public final class KotlinRevisionCompiler implements RevisionCompiler {
    private static final String OPTIONS = KotlinCompilerBridge.Definition.REVISION.cacheOptions() + "; " + KotlinLiteralReader.VERSION;

    /** From this many cache misses on, a run compiles them in one compiler session instead of one by one. */
    static final int BATCH = 4;

    private final CompiledScripts store;
    private final int threads;
    private final CompileProgress progress;
    private final boolean readLiterals;
    private KotlinCompilerBridge bridge;

    public KotlinRevisionCompiler(ScriptCompileCache cache) {
        this(new CompiledScripts(PrecompiledRevisions.none(), cache));
    }

    public KotlinRevisionCompiler(CompiledScripts store) {
        this(store, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public KotlinRevisionCompiler(CompiledScripts store, int threads) { this(store, threads, CompileProgress.NONE); }

    /** @param progress told how compiling the cache misses goes (a batch reports when it is done) */
    public KotlinRevisionCompiler(CompiledScripts store, int threads, CompileProgress progress) { this(store, threads, progress, true); }

    /** @param readLiterals whether scripts of DSL calls with literal arguments are read as data (see {@link KotlinLiteralReader}) */
    KotlinRevisionCompiler(CompiledScripts store, int threads, CompileProgress progress, boolean readLiterals) {
        this.store = store;
        this.threads = threads;
        this.progress = progress;
        this.readLiterals = readLiterals;
    }

    @Override public ScriptLanguage language() { return ScriptLanguage.KOTLIN; }

    @Override public LoadedRevision load(RevisionSource source) { return loadAll(List.of(source)).get(0); }

    /** A script to load: its cache key, and its text once it is read for compiling (null before). */
    private record Script(RevisionSource source, String text, String key) {
        /** With its text, keyed by what was read (the file may have changed since the scan). */
        Script withText() {
            String text = GroovyRevisionCompiler.read(source);
            return new Script(source, text, keyFor(source, RevisionSource.hashOf(text)));
        }
    }

    /** Keyed by the text hash the scan found, so a cached script is not read again. */
    private static Script script(RevisionSource source) {
        return new Script(source, null, keyFor(source, source.textHash()));
    }

    private static String keyFor(RevisionSource source, String textHash) {
        return ScriptCompileCache.key(ScriptCompileCache.buildId(), OPTIONS, scriptName(source), textHash);
    }

    /**
     * A script unchanged since an earlier run recorded its operations is read back, not loaded; the others are defined
     * from stored classes or compiled (all misses together), run, and their recordings kept for the next run.
     */
    @Override public List<LoadedRevision> loadAll(List<RevisionSource> sources) {
        List<Script> scripts = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        List<LoadedRevision> loaded = new ArrayList<>();
        List<Integer> misses = new ArrayList<>();
        for (RevisionSource source : sources) {
            Script script = script(source);
            Optional<LoadedRevision> recorded = store.recording(script.key(), source);
            if (recorded.isEmpty() && readLiterals) {
                // Most revisions are DSL calls with literal arguments: read those as data, without the Kotlin compiler.
                script = script.withText();
                recorded = KotlinLiteralReader.read(source, script.text());
                if (recorded.isPresent()) store.storeReadRecording(script.key(), recorded.get());
            }
            scripts.add(script);
            loaded.add(recorded.orElse(null));
            Class<?> stored = recorded.isPresent() ? null : store.load(script.key(), KotlinRevisionCompiler::defineScript);
            if (recorded.isEmpty() && stored == null) misses.add(scripts.size() - 1);
            types.add(stored);
        }
        if (!misses.isEmpty()) {
            List<Script> read = misses.stream().map(i -> scripts.get(i).withText()).toList();
            List<CompiledScriptClasses> compiled = compile(read);
            for (int i = 0; i < misses.size(); i++) {
                scripts.set(misses.get(i), read.get(i));
                types.set(misses.get(i), compiled.get(i).define(loader()));
            }
        }
        for (int i = 0; i < scripts.size(); i++) {
            if (loaded.get(i) != null) continue;
            LoadedRevision recorded = run(scripts.get(i).source(), types.get(i));
            store.storeRecording(scripts.get(i).key(), recorded);
            loaded.set(i, recorded);
        }
        return loaded;
    }

    @Override public List<CompiledRevision> compileAll(List<RevisionSource> sources) {
        List<Script> scripts = new ArrayList<>(sources.stream().map(KotlinRevisionCompiler::script).toList());
        List<CompiledScriptClasses> classes = new ArrayList<>();
        List<Integer> misses = new ArrayList<>();
        for (Script script : scripts) {
            var stored = store.read(script.key());
            if (stored.isEmpty()) misses.add(classes.size());
            classes.add(stored.orElse(null));
        }
        if (!misses.isEmpty()) {
            List<Script> read = misses.stream().map(i -> scripts.get(i).withText()).toList();
            List<CompiledScriptClasses> compiled = compile(read);
            for (int i = 0; i < misses.size(); i++) {
                scripts.set(misses.get(i), read.get(i));
                classes.set(misses.get(i), compiled.get(i));
            }
        }
        List<CompiledRevision> out = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) out.add(new CompiledRevision(scripts.get(i).source(), scripts.get(i).key(), classes.get(i)));
        return out;
    }

    /** The file name the compiler sees; it decides the script's class name, so it is part of the cache key. */
    static String scriptName(RevisionSource source) {
        return "retort_revision_" + source.revision().id().replaceAll("[^A-Za-z0-9_]", "_") + ".kts";
    }

    /**
     * Compiles the scripts and caches them; the first failure in the given order is reported once all are done.
     * A few scripts compile one by one through the scripting host, on a few threads; from {@link #BATCH} scripts on,
     * all compile as one module in one compiler session, which pays the compiler's start-up once.
     */
    private List<CompiledScriptClasses> compile(List<Script> scripts) {
        progress.compiled(0, scripts.size());
        List<CompiledScriptClasses> compiled;
        try {
            compiled = compileReported(scripts);
        } catch (RuntimeException | Error e) {
            progress.failed(scripts.size());
            throw e;
        }
        progress.finished(scripts.size());
        return compiled;
    }

    private List<CompiledScriptClasses> compileReported(List<Script> scripts) {
        if (bridge == null) bridge = KotlinCompilerBridge.load(scripts.get(0).source().file());
        List<Path> classpath = KotlinCompilerBridge.scriptClasspath();
        List<KotlinCompilerBridge.Outcome> outcomes = scripts.size() >= BATCH
                ? bridge.compileAll(scripts.stream().map(s -> new KotlinCompilerBridge.Script(scriptName(s.source()), s.text())).toList(), classpath)
                : compileEach(scripts, classpath);
        // Cache whatever compiled before reporting a failure, so after the fix only the broken script compiles again.
        List<CompiledScriptClasses> compiled = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++)
            if (outcomes.get(i) instanceof KotlinCompilerBridge.Outcome.Compiled c) {
                store.store(scripts.get(i).key(), c.classes());
                compiled.add(c.classes());
            }
        // The first script with an error of its own (a failed batch fails every script, most without a position).
        int failed = -1;
        for (int i = 0; i < scripts.size() && (failed < 0 || failedAt(outcomes, failed) == 0); i++)
            if (outcomes.get(i) instanceof KotlinCompilerBridge.Outcome.Failed f && (failed < 0 || f.line() > 0)) failed = i;
        if (failed >= 0) {
            Script s = scripts.get(failed);
            var f = (KotlinCompilerBridge.Outcome.Failed) outcomes.get(failed);
            throw new ScriptException(s.source().file(), f.line(), f.column(),
                    f.message() + ScriptRuns.sourceLine(s.text(), f.line(), f.column()), null);
        }
        return compiled;
    }

    private static int failedAt(List<KotlinCompilerBridge.Outcome> outcomes, int i) {
        return ((KotlinCompilerBridge.Outcome.Failed) outcomes.get(i)).line();
    }

    private List<KotlinCompilerBridge.Outcome> compileEach(List<Script> scripts, List<Path> classpath) {
        KotlinCompilerBridge compiler = bridge;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, scripts.size()), r -> {
            Thread t = new Thread(r, "retort-kotlin-compile");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<KotlinCompilerBridge.Outcome>> futures = new ArrayList<>();
            for (Script s : scripts) futures.add(pool.submit(() -> compiler.compile(KotlinCompilerBridge.Definition.REVISION, scriptName(s.source()), s.text(), classpath)));
            List<KotlinCompilerBridge.Outcome> outcomes = new ArrayList<>();
            for (Future<KotlinCompilerBridge.Outcome> f : futures) {
                outcomes.add(f.get());
                progress.compiled(outcomes.size(), scripts.size());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling Kotlin revisions", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new IllegalStateException("the Kotlin compiler failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ClassLoader loader() { return KotlinRevisionCompiler.class.getClassLoader(); }

    /** A stored entry's main class; throws when its class files do not load or are not a compiled revision script. */
    private static Class<?> defineScript(CompiledScriptClasses stored) {
        Class<?> type = stored.define(loader());
        receiverConstructor(type);
        return type;
    }

    /** A compiled script's constructor takes its implicit receiver; running it runs the script body. */
    private static Constructor<?> receiverConstructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors())
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == RevisionDsl.class) return c;
        throw new IllegalStateException(type.getName() + " is not a compiled revision script (no constructor taking a RevisionDsl)");
    }

    private static LoadedRevision run(RevisionSource source, Class<?> type) {
        return ScriptRuns.record(source, type.getName(), () -> {
            RevisionDsl dsl = new RevisionDsl(new RevisionSqlFiles(source.file()));
            receiverConstructor(type).newInstance(dsl);
            MigrationDsl up = dsl.recordUpgrade();
            MigrationDsl down = dsl.recordDowngrade();
            Map<Operation, Integer> lines = new IdentityHashMap<>(up.lines());
            lines.putAll(down.lines());
            return new LoadedRevision(source, up.operations(),
                    dsl.hasDowngrade() ? Optional.of(down.operations()) : Optional.empty(), lines, up.assured());
        });
    }
}
