package dev.retort.script;

import java.nio.file.Path;
import java.util.List;

/**
 * The one door to the Kotlin compiler. Its implementation, {@code EmbeddedKotlinCompiler}, is loaded by name on a
 * compile-cache miss only, so a run over cached scripts never loads a compiler or scripting-host class.
 */
public interface KotlinCompilerBridge {
    /** The implementation's class name; nothing refers to it statically. */
    String IMPLEMENTATION = "dev.retort.script.EmbeddedKotlinCompiler";

    /** What compiling one script gave: its class files, or the first error with its position. */
    sealed interface Outcome {
        record Compiled(CompiledScriptClasses classes) implements Outcome {}
        record Failed(int line, int column, String message) implements Outcome {}
    }

    /**
     * Compiles one revision script. Safe to call from several threads at once.
     *
     * @param scriptName the script's file name as the compiler should see it; it decides the class name
     * @param classpath  absolute paths of the jars (or class folders) the script compiles against
     */
    Outcome compile(String scriptName, String text, List<Path> classpath);

    /** One script of a batch: the file name the compiler sees (it decides the class name) and the text. */
    record Script(String name, String text) {}

    /**
     * Compiles many scripts as one module in one compiler session, which costs one compiler start-up instead of
     * one per script. A batch compiles all or nothing: on errors every outcome is {@link Outcome.Failed}, the
     * scripts without an error of their own carrying line 0.
     */
    List<Outcome> compileAll(List<Script> scripts, List<Path> classpath);

    static KotlinCompilerBridge load() {
        try {
            return (KotlinCompilerBridge) Class.forName(IMPLEMENTATION).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Kotlin compiler is not available in this build (" + e + "); "
                    + "kotlin-scripting-jvm-host must be on the launcher's classpath", e);
        }
    }
}
