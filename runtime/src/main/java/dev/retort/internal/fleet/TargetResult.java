package dev.retort.internal.fleet;

import java.util.List;

/**
 * How one target of a fleet upgrade ended.
 *
 * @param applied  revisions this run applied to the target (and that stayed applied)
 * @param revision the revision that failed, or null
 * @param detail   the error (FAILED), the lock's holder (LOCKED) or why it did not run (SKIPPED); null otherwise
 * @param current  the target's version-table rows after the run; null when they could not be read
 */
public record TargetResult(FleetTarget target, Outcome outcome, int applied, String revision, String detail, List<String> current) {

    public enum Outcome {
        /** Upgraded to the target revision. */
        APPLIED,
        /** Was already at the target revision. */
        ALREADY_AT_TARGET,
        FAILED,
        /** Another session held the target's migration lock until lock_timeout. */
        LOCKED,
        /** Not run: a canary failed, or --fail-fast stopped the fleet. */
        SKIPPED
    }

    public TargetResult {
        current = current == null ? null : List.copyOf(current);
    }

    public boolean reachedTarget() { return outcome == Outcome.APPLIED || outcome == Outcome.ALREADY_AT_TARGET; }
}
