package dev.retort.script;

/** Compiles a revision script of one language and records its operations. */
public interface RevisionCompiler {
    ScriptLanguage language();

    LoadedRevision load(RevisionSource source);
}
