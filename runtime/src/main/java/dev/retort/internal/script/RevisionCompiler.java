package dev.retort.internal.script;

import java.util.List;

/** Compiles a revision script of one language and records its operations. */
public interface RevisionCompiler {
    ScriptLanguage language();

    LoadedRevision load(RevisionSource source);

    /** Loads several revisions at once, so a compiler can compile them together; results in the given order. */
    default List<LoadedRevision> loadAll(List<RevisionSource> sources) {
        return sources.stream().map(this::load).toList();
    }

    /**
     * Each script's key and class files, compiling those that neither the precompiled revisions nor the cache hold,
     * without running any: what {@code retort compile} ships. Results in the given order.
     */
    List<CompiledRevision> compileAll(List<RevisionSource> sources);

    /** One revision's class files and the key that finds them again while its script is unchanged. */
    record CompiledRevision(RevisionSource source, String key, CompiledScriptClasses classes) {}
}
