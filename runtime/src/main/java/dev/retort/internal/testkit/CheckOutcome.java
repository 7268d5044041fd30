package dev.retort.internal.testkit;

import java.util.List;

/**
 * What one check found. A passing check's message says what it covered ({@code 42 revisions}); a failing one's says
 * what went wrong and names the revision where there is one; {@code details} hold the rest (differences, the
 * database's error, an assertion's diagram), one line each.
 */
public record CheckOutcome(CheckName name, boolean passed, String revision, String message, List<String> details) {
    public CheckOutcome { details = List.copyOf(details); }

    static CheckOutcome pass(CheckName name, String message) { return new CheckOutcome(name, true, null, message, List.of()); }

    static CheckOutcome fail(CheckName name, String revision, String message, List<String> details) {
        return new CheckOutcome(name, false, revision, message, details);
    }
}
