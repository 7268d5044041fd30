package dev.retort.dsl.dialect;

/** An operation that a dialect cannot render as stated; the message says why and what to state instead. */
public final class RenderException extends RuntimeException {
    public RenderException(String message) { super(message); }
}
