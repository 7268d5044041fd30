package dev.retort.api;

import java.util.List;

/**
 * One check of {@link Retort#test(TestOptions)}: its name, whether it passed, the revision it blames (or null), a
 * one-line message, and the details (differences, the database's error, an assertion's diagram), one line each.
 */
public record CheckResult(String name, boolean passed, String revision, String message, List<String> details) {
    public CheckResult { details = List.copyOf(details); }

    /** {@code PASS stairway (42 revisions)} or {@code FAIL no-trace: downgrade of 3f2a1c9d0b7e (versions/…) left index ix_a on t}. */
    public String line() { return passed ? "PASS " + name + " (" + message + ")" : "FAIL " + name + ": " + message; }
}
