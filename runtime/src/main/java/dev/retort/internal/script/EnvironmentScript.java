package dev.retort.internal.script;

import dev.retort.dsl.env.EnvironmentHooks;
import dev.retort.dsl.groovy.EnvScript;
import dev.retort.dsl.kotlin.EnvDsl;
import groovy.lang.GroovyClassLoader;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Finds, compiles and runs the environment script beside {@code retort.ini} ({@code env.groovy} or {@code env.kts}).
 * It goes through the compile cache like a revision, so an unchanged script is loaded, not compiled; running it
 * registers the hooks the command then uses.
 */
public final class EnvironmentScript {
    private EnvironmentScript() {}

    private static final String GROOVY_FILE = "env.groovy";
    private static final String KOTLIN_FILE = "env.kts";
    /** The class name of a Groovy environment script; its frames give the line of an error. */
    private static final String GROOVY_CLASS = "retort_env";
    /** The file name the Kotlin compiler sees; it decides the class name ({@code Retort_env}). */
    private static final String KOTLIN_SCRIPT_NAME = "retort_env.kts";
    private static final String[] GROOVY_IMPORTS = {"dev.retort.dsl.env", "java.time"};
    /**
     * Part of a Groovy environment script's cache key. In a holder, so that a project without an environment script
     * never reads Groovy's release file: that loads Groovy's support classes and starts java.util.logging (~80 ms).
     */
    private static final class GroovyOptions {
        static final String VALUE = "groovy " + org.codehaus.groovy.util.ReleaseInfo.getVersion() + "; base " + EnvScript.class.getName()
                + "; imports " + String.join(",", GROOVY_IMPORTS) + "; target 17";
    }

    /**
     * The project's environment script: {@code env.groovy} or {@code env.kts} in the folder of the configuration file.
     * Empty when there is none, or no configuration file (an application configured in code).
     */
    public static Optional<Path> find(Path configFile) {
        if (configFile == null || !Files.isRegularFile(configFile)) return Optional.empty();
        Path folder = configFile.toAbsolutePath().getParent();
        Path groovy = folder.resolve(GROOVY_FILE);
        Path kotlin = folder.resolve(KOTLIN_FILE);
        boolean hasGroovy = Files.isRegularFile(groovy);
        boolean hasKotlin = Files.isRegularFile(kotlin);
        if (hasGroovy && hasKotlin)
            throw new ScriptException(kotlin, 0, "a project has one environment script, and " + groovy + " exists too; "
                    + "keep one of them (both may not run, as their hooks would apply twice)");
        return hasGroovy ? Optional.of(groovy) : hasKotlin ? Optional.of(kotlin) : Optional.empty();
    }

    /** The environment of the project whose configuration file is given: its script's hooks, or none. */
    public static Environment load(Path configFile, String section, ScriptCompileCache cache) {
        return find(configFile).map(file -> run(file, section, cache)).orElse(Environment.none());
    }

    /** Compiles (or loads from the cache) and runs one environment script. */
    public static Environment run(Path file, String section, ScriptCompileCache cache) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(file, 0, "cannot read the environment script: " + e.getMessage(), e);
        }
        return file.getFileName().toString().endsWith(".kts") ? runKotlin(file, text, section, cache) : runGroovy(file, text, section, cache);
    }

    // ---- Groovy -----------------------------------------------------------------------------------

    private static Environment runGroovy(Path file, String text, String section, ScriptCompileCache cache) {
        String key = ScriptCompileCache.key(ScriptCompileCache.buildId(), GroovyOptions.VALUE, GROOVY_CLASS, text);
        Class<?> type = cache.read(key).map(c -> defineOrNull(c, key, cache, EnvScript.class)).orElse(null);
        if (type == null) {
            CompiledScriptClasses compiled = compileGroovy(file, text);
            cache.write(key, compiled);
            type = compiled.define(loader());
        }
        Class<?> scriptClass = type;
        EnvironmentHooks hooks = ScriptRuns.record(file, GROOVY_CLASS, () -> {
            EnvScript script = (EnvScript) scriptClass.getDeclaredConstructor().newInstance();
            script.useSection(section);
            script.run();
            return script.recordedHooks();
        });
        return Environment.ofScript(file, GROOVY_CLASS, hooks);
    }

    private static CompiledScriptClasses compileGroovy(Path file, String text) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(EnvScript.class.getName());
        config.setSourceEncoding("UTF-8");
        config.setTargetBytecode(CompilerConfiguration.JDK17);
        config.addCompilationCustomizers(new ImportCustomizer().addStarImports(GROOVY_IMPORTS));
        try (GroovyClassLoader resolver = new GroovyClassLoader(loader(), config)) {
            CompilationUnit unit = new CompilationUnit(config, null, resolver);
            unit.addSource(GROOVY_CLASS + ".groovy", text);
            unit.compile(Phases.CLASS_GENERATION);
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (GroovyClass c : unit.getClasses()) classes.put(c.getName(), c.getBytes());
            return new CompiledScriptClasses(GROOVY_CLASS, classes);
        } catch (MultipleCompilationErrorsException e) {
            Message first = e.getErrorCollector().getErrors().get(0);
            if (first instanceof SyntaxErrorMessage sem) {
                SyntaxException se = sem.getCause();
                throw new ScriptException(file, se.getLine(), se.getStartColumn(),
                        se.getOriginalMessage().strip() + ScriptRuns.sourceLine(text, se.getLine(), se.getStartColumn()), e);
            }
            throw new ScriptException(file, 0, "does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScriptException(file, 0, "does not compile: " + e.getMessage(), e);
        }
    }

    // ---- Kotlin -----------------------------------------------------------------------------------

    private static Environment runKotlin(Path file, String text, String section, ScriptCompileCache cache) {
        KotlinCompilerBridge.Definition definition = KotlinCompilerBridge.Definition.ENV;
        String key = ScriptCompileCache.key(ScriptCompileCache.buildId(), definition.cacheOptions(), KOTLIN_SCRIPT_NAME, text);
        Class<?> type = cache.read(key).map(c -> defineOrNull(c, key, cache, null)).orElse(null);
        if (type == null) {
            KotlinCompilerBridge.Outcome outcome = KotlinCompilerBridge.load(file)
                    .compile(definition, KOTLIN_SCRIPT_NAME, text, KotlinCompilerBridge.scriptClasspath());
            if (outcome instanceof KotlinCompilerBridge.Outcome.Failed f)
                throw new ScriptException(file, f.line(), f.column(), f.message() + ScriptRuns.sourceLine(text, f.line(), f.column()), null);
            CompiledScriptClasses compiled = ((KotlinCompilerBridge.Outcome.Compiled) outcome).classes();
            cache.write(key, compiled);
            type = compiled.define(loader());
        }
        Constructor<?> constructor = receiverConstructor(type);
        EnvironmentHooks hooks = ScriptRuns.record(file, type.getName(), () -> {
            EnvDsl env = new EnvDsl(section);
            constructor.newInstance(env);
            return env.recordedHooks();
        });
        return Environment.ofScript(file, type.getName(), hooks);
    }

    private static Constructor<?> receiverConstructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors())
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == EnvDsl.class) return c;
        throw new IllegalStateException(type.getName() + " is not a compiled environment script (no constructor taking an EnvDsl)");
    }

    // ---- both -------------------------------------------------------------------------------------

    /** A cached entry that does not load as an environment script is dropped and compiled again, never trusted. */
    private static Class<?> defineOrNull(CompiledScriptClasses cached, String key, ScriptCompileCache cache, Class<?> base) {
        try {
            Class<?> type = cached.define(loader());
            if (base == null) receiverConstructor(type);
            else if (!base.isAssignableFrom(type)) throw new ClassFormatError("not an environment script");
            return type;
        } catch (LinkageError | IllegalStateException e) {
            cache.discard(key);
            return null;
        }
    }

    private static ClassLoader loader() { return EnvironmentScript.class.getClassLoader(); }
}
