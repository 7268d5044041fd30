package dev.retort.internal.testkit;

import dev.retort.dsl.schema.SchemaModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code stairway} and {@code no-trace} in one walk over a scratch database: each revision, parents first, goes up,
 * down and up again (so the next one starts from it). For {@code no-trace} the schema read before a revision's
 * upgrade is compared with the schema after its downgrade. The walk stops at the first step that fails.
 */
final class StairwayWalk {
    private final SteppedMigration migration;
    private final boolean traces;
    private final List<String> traceDetails = new ArrayList<>();
    private String firstTraceRevision;
    private String firstTrace;
    private int walked;

    private StairwayWalk(SteppedMigration migration, boolean traces) {
        this.migration = migration;
        this.traces = traces;
    }

    /** A step that failed: the revision, which of its three steps ({@code upgrade}, {@code downgrade}, {@code second upgrade}), the error. */
    private record Failure(String revision, String step, String error) {}

    /** The outcomes of the checks asked for ({@code stairway}, {@code no-trace} or both), in that order. */
    static List<CheckOutcome> run(SteppedMigration migration, boolean stairway, boolean noTrace) {
        StairwayWalk walk = new StairwayWalk(migration, noTrace);
        Failure failure = walk.walk();
        List<CheckOutcome> out = new ArrayList<>();
        if (stairway) out.add(walk.stairway(failure));
        if (noTrace) out.add(walk.noTrace(failure, stairway));
        return out;
    }

    /** @return the failed step, or null when every revision went up, down and up */
    private Failure walk() {
        for (String id : migration.upgradeOrder()) {
            String step = "upgrade";
            try {
                SchemaModel before = traces ? migration.schema() : null;
                migration.upgrade(id);
                step = "downgrade";
                migration.downgrade(id);
                if (traces) compare(id, before, migration.schema());
                step = "second upgrade (after its downgrade)";
                migration.upgrade(id);
                walked++;
            } catch (SteppedMigration.StepFailed e) {
                return new Failure(id, step, e.getMessage() == null || e.getMessage().isBlank()
                        ? e.getCause().getClass().getSimpleName() : e.getMessage());
            }
        }
        return null;
    }

    private void compare(String id, SchemaModel before, SchemaModel after) {
        List<SchemaTraces.Trace> found = SchemaTraces.between(before, after, migration.reflector());
        if (found.isEmpty()) return;
        if (firstTrace == null) {
            firstTraceRevision = id;
            firstTrace = found.get(0).summary();
        }
        traceDetails.add("downgrade of " + migration.describe(id) + ":");
        found.forEach(t -> traceDetails.add("  " + t.detail()));
    }

    private CheckOutcome stairway(Failure failure) {
        if (failure == null) return CheckOutcome.pass(CheckName.STAIRWAY, revisions(walked));
        List<String> error = failure.error().lines().toList();
        return CheckOutcome.fail(CheckName.STAIRWAY, failure.revision(), failure.step() + " of " + migration.describe(failure.revision())
                + " failed: " + error.get(0), error.subList(1, error.size()));
    }

    private CheckOutcome noTrace(Failure failure, boolean stairwayReported) {
        if (firstTrace != null)
            return CheckOutcome.fail(CheckName.NO_TRACE, firstTraceRevision,
                    "downgrade of " + migration.describe(firstTraceRevision) + " " + firstTrace, traceDetails);
        if (failure == null) return CheckOutcome.pass(CheckName.NO_TRACE, revisions(walked));
        return CheckOutcome.fail(CheckName.NO_TRACE, failure.revision(), "could not check past " + migration.describe(failure.revision())
                + ": its " + failure.step() + " failed" + (stairwayReported ? " (see stairway)" : ": " + failure.error()), List.of());
    }

    static String revisions(int n) { return n == 1 ? "1 revision" : n + " revisions"; }
}
