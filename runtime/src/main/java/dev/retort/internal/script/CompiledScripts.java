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
    /** Keys whose classes came from the precompiled revisions: a deploy that ships them writes nothing to the cache. */
    private final java.util.Set<String> shippedKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        if (shipped != null) {
            shippedKeys.add(key);
            return shipped;
        }
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

    /**
     * What the unchanged script of this key recorded on an earlier run, so it need not be loaded and run again; empty when
     * nothing was kept or the bytes do not read (they are deleted, and the script runs and is recorded again).
     */
    Optional<LoadedRevision> recording(String key, RevisionSource source) {
        Optional<byte[]> bytes = cache.readRecording(key);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            return Optional.of(RecordedOperations.decode(bytes.get(), source));
        } catch (java.io.IOException | RuntimeException e) {
            cache.discardRecording(key);
            return Optional.empty();
        }
    }

    /**
     * Keeps what a script recorded for the next run, when it is plain data (see {@link RecordedOperations}); not for a
     * script shipped precompiled, whose deploy leaves the cache folder alone.
     */
    void storeRecording(String key, LoadedRevision recorded) {
        if (shippedKeys.contains(key)) return;
        RecordedOperations.encode(recorded).ifPresent(bytes -> cache.writeRecording(key, bytes));
    }

    /**
     * Keeps what a script read without compiling recorded, as {@link #storeRecording} does, unless the script also ships
     * precompiled: such a deploy leaves the cache folder alone whichever way the script was read.
     */
    void storeReadRecording(String key, LoadedRevision read) {
        if (precompiled.read(key).isPresent()) return;
        storeRecording(key, read);
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
