package dev.retort.internal.script;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a revision's class files come from before its compiler is asked: revisions shipped precompiled first, then the
 * on-disk compile cache. Both are keyed by the script's text, so neither can hand back classes of an edited script.
 */
public final class CompiledScripts {
    private final PrecompiledRevisions precompiled;
    private final ScriptCompileCache cache;

    public CompiledScripts(PrecompiledRevisions precompiled, ScriptCompileCache cache) {
        this.precompiled = precompiled;
        this.cache = cache;
    }

    /**
     * The main class of the first entry for the key that defines and passes {@code define}'s checks, or null. A cache
     * entry that fails is deleted (the script is then compiled again); a precompiled one is passed over.
     */
    Class<?> load(String key, Function<CompiledScriptClasses, Class<?>> define) {
        Class<?> shipped = precompiled.read(key).map(c -> defineOrNull(c, define)).orElse(null);
        if (shipped != null) return shipped;
        Optional<CompiledScriptClasses> entry = cache.read(key);
        if (entry.isEmpty()) return null;
        Class<?> cached = defineOrNull(entry.get(), define);
        if (cached == null) cache.discard(key);
        return cached;
    }

    /** The class files for the key without defining them (for {@code retort compile}), from either store. */
    Optional<CompiledScriptClasses> read(String key) {
        Optional<CompiledScriptClasses> shipped = precompiled.read(key);
        return shipped.isPresent() ? shipped : cache.read(key);
    }

    /** Keeps what the compiler produced for the next run; an unwritable cache only costs a compile next time. */
    void store(String key, CompiledScriptClasses compiled) { cache.write(key, compiled); }

    private static Class<?> defineOrNull(CompiledScriptClasses compiled, Function<CompiledScriptClasses, Class<?>> define) {
        try {
            return define.apply(compiled);
        } catch (LinkageError | IllegalStateException e) {
            return null;
        }
    }
}
