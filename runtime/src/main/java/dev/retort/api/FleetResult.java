package dev.retort.api;

import java.util.List;

/**
 * How one target of {@link Fleet#upgrade(String)} ended.
 *
 * @param url      the target's JDBC URL with any password masked; null for a data source
 * @param applied  revisions this run applied to the target that stayed applied
 * @param revision the revision that failed, or null
 * @param error    the error (FAILED), who holds the lock (LOCKED) or why the target did not run (SKIPPED); else null
 * @param current  the target's version-table rows after the run; null when they could not be read
 */
public record FleetResult(String name, String url, Outcome outcome, int applied, String revision, String error, List<String> current) {

    public enum Outcome {
        /** Upgraded to the target revision. */
        APPLIED,
        /** Was already at the target revision. */
        ALREADY_AT_TARGET,
        FAILED,
        /** Another session held the target's migration lock until lock_timeout. */
        LOCKED,
        /** Not run: a canary did not reach the target revision, or failFast stopped the fleet. */
        SKIPPED
    }

    public FleetResult {
        current = current == null ? null : List.copyOf(current);
    }

    /** True when the target is now at the revision the fleet was upgraded to. */
    public boolean reachedTarget() { return outcome == Outcome.APPLIED || outcome == Outcome.ALREADY_AT_TARGET; }
}
