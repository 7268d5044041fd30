package dev.retort.graph;

/** A revision graph that cannot be built, or a target that cannot be resolved in it; the message says what to do. */
public final class GraphException extends RuntimeException {
    public GraphException(String message) { super(message); }
}
