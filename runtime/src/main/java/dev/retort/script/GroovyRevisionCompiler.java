package dev.retort.script;

import dev.retort.dsl.groovy.MigrationBuilder;
import dev.retort.dsl.groovy.RevisionScript;
import dev.retort.dsl.op.Operation;
import java.util.IdentityHashMap;
import java.util.Map;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/** Compiles Groovy revisions against {@link RevisionScript}, so scripts need no imports. */
public final class GroovyRevisionCompiler implements RevisionCompiler {
    static {
        // Groovy's parser drops its prediction (DFA) cache every 64 parses to bound memory in long-lived
        // processes. A migration run is short and parses many look-alike scripts: keeping the cache warm
        // makes a cold run over hundreds of revisions markedly faster. A user's own setting wins.
        if (System.getProperty("groovy.antlr4.cache.threshold") == null)
            System.setProperty("groovy.antlr4.cache.threshold", String.valueOf(Integer.MAX_VALUE));
    }

    private final GroovyClassLoader loader;

    public GroovyRevisionCompiler() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(RevisionScript.class.getName());
        config.setSourceEncoding("UTF-8");
        config.addCompilationCustomizers(new ImportCustomizer()
                .addStarImports("dev.retort.dsl.groovy", "java.time"));
        this.loader = new GroovyClassLoader(GroovyRevisionCompiler.class.getClassLoader(), config);
    }

    @Override public ScriptLanguage language() { return ScriptLanguage.GROOVY; }

    @Override public LoadedRevision load(RevisionSource source) {
        String text;
        try {
            text = Files.readString(source.file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(source.file(), 0, "cannot read: " + e.getMessage(), e);
        }
        Class<?> type = compile(source, text);
        return ScriptRuns.record(source, () -> {
            RevisionScript script = (RevisionScript) type.getDeclaredConstructor().newInstance();
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

    private Class<?> compile(RevisionSource source, String text) {
        try {
            GroovyCodeSource code = new GroovyCodeSource(text, className(source) + ".groovy", "/groovy/script");
            code.setCachable(false);
            return loader.parseClass(code, false);
        } catch (MultipleCompilationErrorsException e) {
            Message first = e.getErrorCollector().getErrors().get(0);
            if (first instanceof SyntaxErrorMessage sem) {
                SyntaxException se = sem.getCause();
                throw new ScriptException(source.file(), se.getLine(), "column " + se.getStartColumn() + ": "
                        + se.getOriginalMessage() + ScriptRuns.sourceLine(text, se.getLine()), e);
            }
            throw new ScriptException(source.file(), 0, "does not compile: " + e.getMessage(), e);
        }
    }
}
