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
}
