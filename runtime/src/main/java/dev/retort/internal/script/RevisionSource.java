package dev.retort.internal.script;

import dev.retort.internal.graph.Revision;
import java.nio.file.Path;

/** A revision read from its script's header, with where it came from. Nothing is compiled yet. */
public record RevisionSource(Revision revision, Path file, ScriptLanguage language) {}
