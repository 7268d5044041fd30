package dev.retort.internal.testkit;

import groovy.lang.Closure;

/** One {@code at} or {@code after} block of {@code retort-test.groovy}: the revision as written, its line, its body. */
record DataBlock(Kind kind, String revision, int line, Closure<?> body) {
    enum Kind { AT, AFTER }

    /** {@code at '1b2c3d4e5f60'}, as the reports name the block. */
    String label() { return (kind == Kind.AT ? "at" : "after") + " '" + revision + "'"; }
}
