package dev.retort.internal.autogen;

import dev.retort.dsl.groovy.ModelScript;
import dev.retort.dsl.op.CreateTable;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.script.ScriptLanguage;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.MissingMethodException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/** Runs {@code model.groovy} against {@link ModelScript}, so the model needs no imports. */
public final class GroovyModelCompiler implements ModelCompiler {
    private static final String CLASS_NAME = "retort_model";

    @Override public ScriptLanguage language() { return ScriptLanguage.GROOVY; }

    @Override public List<CreateTable> tables(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(file, 0, "cannot read the model: " + e.getMessage(), e);
        }
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(ModelScript.class.getName());
        config.setSourceEncoding("UTF-8");
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports("dev.retort.dsl.groovy", "java.time"));
        try (GroovyClassLoader loader = new GroovyClassLoader(GroovyModelCompiler.class.getClassLoader(), config)) {
            GroovyCodeSource code = new GroovyCodeSource(text, CLASS_NAME + ".groovy", "/groovy/script");
            code.setCachable(false);
            ModelScript script = (ModelScript) loader.parseClass(code, false).getDeclaredConstructor().newInstance();
            try {
                script.run();
            } catch (MissingMethodException e) {
                throw new ScriptException(file, lineIn(e), "a model declares tables only, with createTable('name') { … }; '"
                        + e.getMethod() + "' is not available here", e);
            } catch (groovy.lang.MissingPropertyException e) {
                // Type words such as integer exist only inside createTable { }: outside it the script sees an unknown name.
                boolean outside = e.getType() != null && e.getType().getName().startsWith(CLASS_NAME);
                throw new ScriptException(file, lineIn(e), outside ? "unknown name '" + e.getProperty()
                        + "'; a model declares tables only, with createTable('name') { … }" : e.getMessage().strip(), e);
            } catch (RuntimeException e) {
                throw new ScriptException(file, lineIn(e), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
            }
            return script.tables();
        } catch (MultipleCompilationErrorsException e) {
            Message first = e.getErrorCollector().getErrors().get(0);
            if (first instanceof SyntaxErrorMessage sem) {
                SyntaxException se = sem.getCause();
                throw new ScriptException(file, se.getLine(), "column " + se.getStartColumn() + ": " + se.getOriginalMessage(), e);
            }
            throw new ScriptException(file, 0, "does not compile: " + e.getMessage(), e);
        } catch (IOException | ReflectiveOperationException e) {
            throw new ScriptException(file, 0, "cannot load the model: " + e.getMessage(), e);
        }
    }

    private static int lineIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause())
            for (StackTraceElement frame : c.getStackTrace())
                if (frame.getClassName().startsWith(CLASS_NAME) && frame.getLineNumber() > 0) return frame.getLineNumber();
        return 0;
    }
}
