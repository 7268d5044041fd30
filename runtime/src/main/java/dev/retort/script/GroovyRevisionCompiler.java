package dev.retort.script;

import dev.retort.dsl.groovy.MigrationBuilder;
import dev.retort.dsl.groovy.RevisionScript;
import dev.retort.dsl.op.Operation;
import java.util.IdentityHashMap;
import java.util.Map;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovySystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.codehaus.groovy.tools.GroovyClass;

/**
 * Compiles Groovy revisions against {@link RevisionScript}, so scripts need no imports. Class files go through the
 * compile cache: a script whose text has not changed since it was last compiled is loaded, not compiled.
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
    /** Everything besides the text that decides the class files; part of the cache key. */
    private static final String OPTIONS = "groovy " + GroovySystem.getVersion() + "; base " + RevisionScript.class.getName()
            + "; imports " + String.join(",", STAR_IMPORTS) + "; target 17";

    private final ScriptCompileCache cache;

    public GroovyRevisionCompiler(ScriptCompileCache cache) { this.cache = cache; }

    @Override public ScriptLanguage language() { return ScriptLanguage.GROOVY; }

    @Override public LoadedRevision load(RevisionSource source) {
        String text = read(source);
        String className = className(source);
        String key = ScriptCompileCache.key(ScriptCompileCache.buildId(), OPTIONS, className, text);
        Class<?> type = cache.read(key).map(c -> defineOrNull(c, key)).orElse(null);
        if (type == null) {
            CompiledScriptClasses compiled = compile(source, className, text);
            cache.write(key, compiled);
            type = compiled.define(loader());
        }
        Class<?> scriptClass = type;
        return ScriptRuns.record(source, className, () -> {
            RevisionScript script = (RevisionScript) scriptClass.getDeclaredConstructor().newInstance();
            script.run();
            MigrationBuilder up = script.recordUpgrade();
            MigrationBuilder down = script.recordDowngrade();
            Map<Operation, Integer> lines = new IdentityHashMap<>(up.lines());
            lines.putAll(down.lines());
            return new LoadedRevision(source, up.operations(),
                    script.hasDowngrade() ? Optional.of(down.operations()) : Optional.empty(), lines);
        });
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

    /** A cached entry's main class, or null when its class files do not load (the entry is then dropped). */
    private Class<?> defineOrNull(CompiledScriptClasses cached, String key) {
        try {
            Class<?> type = cached.define(loader());
            if (!RevisionScript.class.isAssignableFrom(type)) throw new ClassFormatError("not a revision script");
            return type;
        } catch (LinkageError | IllegalStateException e) {
            cache.discard(key);
            return null;
        }
    }

    private static CompiledScriptClasses compile(RevisionSource source, String className, String text) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(RevisionScript.class.getName());
        config.setSourceEncoding("UTF-8");
        config.setTargetBytecode(CompilerConfiguration.JDK17);
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports(STAR_IMPORTS));
        try (GroovyClassLoader resolver = new GroovyClassLoader(loader(), config)) {
            CompilationUnit unit = new CompilationUnit(config, null, resolver);
            unit.addSource(className + ".groovy", text);
            unit.compile(Phases.CLASS_GENERATION);
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (GroovyClass c : unit.getClasses()) classes.put(c.getName(), c.getBytes());
            return new CompiledScriptClasses(className, classes);
        } catch (MultipleCompilationErrorsException e) {
            Message first = e.getErrorCollector().getErrors().get(0);
            if (first instanceof SyntaxErrorMessage sem) {
                SyntaxException se = sem.getCause();
                throw new ScriptException(source.file(), se.getLine(), se.getStartColumn(),
                        se.getOriginalMessage().strip() + ScriptRuns.sourceLine(text, se.getLine(), se.getStartColumn()), e);
            }
            throw new ScriptException(source.file(), 0, "does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScriptException(source.file(), 0, "does not compile: " + e.getMessage(), e);
        }
    }
}
