package dev.retort.api;

import java.nio.file.Path;
import java.util.List;

/** What {@link Retort#compile} wrote: the folder or jar, and the revisions compiled into it. */
public record CompiledRevisions(Path output, List<String> revisions) {
    public CompiledRevisions { revisions = List.copyOf(revisions); }
}
