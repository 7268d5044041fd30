package dev.retort.internal.graph;

import java.util.List;

/**
 * A revision graph that cannot be built, or a target that cannot be resolved in it; the message says what to do.
 * {@link #revisions()} names the revisions at fault, so a caller that knows their files can point at them.
 */
public final class GraphException extends RuntimeException {
    private final List<String> revisions;

    public GraphException(String message) { this(message, List.of()); }

    public GraphException(String message, List<String> revisions) {
        super(message);
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() { return revisions; }
}
