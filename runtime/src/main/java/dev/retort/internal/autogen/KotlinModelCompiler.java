package dev.retort.internal.autogen;

import dev.retort.dsl.kotlin.MigrationDsl;
import dev.retort.dsl.kotlin.ModelDsl;
import dev.retort.dsl.kotlin.RevisionDsl;
import dev.retort.dsl.op.CreateTable;
import dev.retort.internal.script.CompiledScriptClasses;
import dev.retort.internal.script.KotlinCompilerBridge;
import dev.retort.internal.script.ScriptCompileCache;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.script.ScriptLanguage;
import dev.retort.internal.script.ScriptRuns;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code model.kts} with a {@link ModelDsl} as its receiver. It goes through the revisions' compile cache and
 * compiler bridge, so an unchanged model loads its cached classes and never starts the Kotlin compiler.
 */
public final class KotlinModelCompiler implements ModelCompiler {
    private static final KotlinCompilerBridge.Definition DEFINITION = KotlinCompilerBridge.Definition.MODEL;
    /** The file name the compiler sees, whatever the model file is called: it decides the class name. */
    private static final String SCRIPT_NAME = "retort_model.kts";

    private static final Pattern UNRESOLVED = Pattern.compile("Unresolved reference '(\\w+)'");

    private final ScriptCompileCache cache;

    public KotlinModelCompiler(ScriptCompileCache cache) { this.cache = cache; }

    @Override public ScriptLanguage language() { return ScriptLanguage.KOTLIN; }

    @Override public List<CreateTable> tables(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScriptException(file, 0, "cannot read the model: " + e.getMessage(), e);
        }
        String key = ScriptCompileCache.key(ScriptCompileCache.buildId(), DEFINITION.cacheOptions(), SCRIPT_NAME, text);
        Class<?> type = cache.read(key).map(c -> defineOrNull(c, key)).orElse(null);
        if (type == null) type = compile(file, text, key);
        Constructor<?> constructor = receiverConstructor(type);
        return ScriptRuns.record(file, type.getName(), () -> {
            ModelDsl model = new ModelDsl();
            constructor.newInstance(model);
            return model.tables();
        });
    }

    private Class<?> compile(Path file, String text, String key) {
        KotlinCompilerBridge.Outcome outcome = KotlinCompilerBridge.load(file)
                .compile(DEFINITION, SCRIPT_NAME, text, KotlinCompilerBridge.scriptClasspath());
        if (outcome instanceof KotlinCompilerBridge.Outcome.Failed f) {
            throw new ScriptException(file, f.line(), f.column(), f.message() + revisionOnlyHint(f.message()) + ScriptRuns.sourceLine(text, f.line(), f.column()), null);
        }
        CompiledScriptClasses classes = ((KotlinCompilerBridge.Outcome.Compiled) outcome).classes();
        cache.write(key, classes);
        return classes.define(KotlinModelCompiler.class.getClassLoader());
    }

    /** Revision operations are not in scope in a model; when one is named, say what a model may contain. */
    private static String revisionOnlyHint(String message) {
        Matcher m = UNRESOLVED.matcher(message);
        if (!m.find()) return "";
        String name = m.group(1);
        boolean revisionCall = Stream.of(MigrationDsl.class, RevisionDsl.class).flatMap(c -> Stream.of(c.getMethods()))
                .anyMatch(method -> method.getName().equals(name));
        return revisionCall ? " '" + name + "' belongs in a revision; a model declares tables only, with createTable(\"name\") { … }" : "";
    }

    /** A cached entry that does not define a model script is dropped and compiled again, never trusted. */
    private Class<?> defineOrNull(CompiledScriptClasses cached, String key) {
        try {
            Class<?> type = cached.define(KotlinModelCompiler.class.getClassLoader());
            receiverConstructor(type);
            return type;
        } catch (LinkageError | IllegalStateException e) {
            cache.discard(key);
            return null;
        }
    }

    private static Constructor<?> receiverConstructor(Class<?> type) {
        for (Constructor<?> c : type.getConstructors())
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == ModelDsl.class) return c;
        throw new IllegalStateException(type.getName() + " is not a compiled model script (no constructor taking a ModelDsl)");
    }
}
