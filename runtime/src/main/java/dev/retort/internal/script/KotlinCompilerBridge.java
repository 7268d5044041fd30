package dev.retort.internal.script;

import dev.retort.dsl.kotlin.EnvDsl;
import dev.retort.dsl.kotlin.ModelDsl;
import dev.retort.dsl.kotlin.RevisionDsl;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one door to the Kotlin compiler. Its implementation lives in the {@code retort-kotlin} artifact and is found
 * through {@link ServiceLoader} on a compile-cache miss only, so a run over cached or precompiled scripts never loads a
 * compiler or scripting-host class, and an application that ships precompiled revisions needs no compiler at all.
 */
public interface KotlinCompilerBridge {
    /** The Maven coordinates that bring the implementation, for the message when it is missing. */
    String ARTIFACT = "dev.retort:retort-kotlin";

    /** The kinds of script Retort compiles, each with its own script definition and implicit receiver. */
    enum Definition {
        /** A revision under a versions folder: {@code dev.retort.dsl.kotlin.RevisionScript}. */
        REVISION(RevisionDsl.class),
        /** A target model for autogenerate: {@code dev.retort.dsl.kotlin.ModelScript}. */
        MODEL(ModelDsl.class),
        /** An environment script beside retort.ini ({@code env.kts}): {@code dev.retort.dsl.kotlin.EnvScript}. */
        ENV(EnvDsl.class);

        /** The implicit receiver: a compiled script's constructor takes one, and running the constructor runs the script. */
        private final Class<?> receiver;

        Definition(Class<?> receiver) { this.receiver = receiver; }

        /** Everything besides the text that decides the class files; part of the compile-cache key. */
        public String cacheOptions() {
            return "kotlin " + kotlin.KotlinVersion.CURRENT + "; receiver " + receiver.getName()
                    + "; imports dev.retort.dsl.kotlin.*; -jvm-target 17";
        }
    }

    /** What compiling one script gave: its class files, or the first error with its position. */
    sealed interface Outcome {
        record Compiled(CompiledScriptClasses classes) implements Outcome {}
        record Failed(int line, int column, String message) implements Outcome {}
    }

    /**
     * Compiles one script of the given definition. Safe to call from several threads at once.
     *
     * @param scriptName the script's file name as the compiler should see it; it decides the class name
     * @param classpath  absolute paths of the jars (or class folders) the script compiles against
     */
    Outcome compile(Definition definition, String scriptName, String text, List<Path> classpath);

    /** One script of a batch: the file name the compiler sees (it decides the class name) and the text. */
    record Script(String name, String text) {}

    /**
     * Compiles many revision scripts as one module in one compiler session, which costs one compiler start-up instead of
     * one per script. A batch compiles all or nothing: on errors every outcome is {@link Outcome.Failed}, the
     * scripts without an error of their own carrying line 0.
     */
    List<Outcome> compileAll(List<Script> scripts, List<Path> classpath);

    /**
     * Absolute paths of what a script compiles against: the DSL and the Kotlin runtime libraries, found where this
     * JVM loaded them from (the launcher's lib/ jars, or Maven's repository and target/classes in tests).
     */
    static List<Path> scriptClasspath() {
        Set<Path> paths = new LinkedHashSet<>();
        for (String name : List.of(RevisionDsl.class.getName(), "kotlin.Unit", "kotlin.script.experimental.api.ScriptCompilationConfiguration",
                "kotlin.script.experimental.jvm.JvmScriptCompilationConfigurationBuilder")) {
            try {
                Class<?> c = Class.forName(name, false, KotlinCompilerBridge.class.getClassLoader());
                paths.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath());
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot find where " + name + " was loaded from, to compile Kotlin scripts against it", e);
            }
        }
        return List.copyOf(paths);
    }

    /**
     * The compiler found on the classpath.
     *
     * @param script the script that needs compiling, named in the error when no compiler is there
     * @throws ScriptException when {@code retort-kotlin} is not on the classpath
     */
    static KotlinCompilerBridge load(Path script) {
        try {
            return ServiceLoader.load(KotlinCompilerBridge.class, KotlinCompilerBridge.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> missing(script, null));
        } catch (ServiceConfigurationError | LinkageError e) {
            throw missing(script, e);
        }
    }

    private static ScriptException missing(Path script, Throwable cause) {
        return new ScriptException(script, 0, "a Kotlin script that needs compiling, but no Kotlin compiler is on the classpath"
                + (cause == null ? "" : " (" + cause.getMessage() + ")") + ": add " + ARTIFACT
                + " (the retort command and the Maven plugin bring it), or ship the revision precompiled with 'retort compile'", cause);
    }
}
