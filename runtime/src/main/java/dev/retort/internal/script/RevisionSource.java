package dev.retort.internal.script;

import dev.retort.internal.graph.Revision;
import java.nio.file.Path;

/**
 * A revision read from its script's header, with where it came from. Nothing is compiled yet.
 *
 * @param textHash SHA-256 of the file's text when it was scanned (see {@link #hashOf}); compiled classes and recorded
 *                 operations are found by it without reading the file again
 */
public record RevisionSource(Revision revision, Path file, ScriptLanguage language, String textHash) {
    /** The hash a script's text is known by: SHA-256 of its exact text, line endings included. */
    public static String hashOf(String text) { return ScriptChecksum.sha256(text); }
}
