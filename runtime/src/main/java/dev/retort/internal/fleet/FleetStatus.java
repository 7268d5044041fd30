package dev.retort.internal.fleet;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.VersionTable;
import dev.retort.internal.fleet.TargetState.State;
import dev.retort.internal.graph.Planner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** {@code fleet status}: each target's version-table rows, read without the lock, and how far behind the heads they are. */
public final class FleetStatus {
    private FleetStatus() {}

    /** The states in the targets' order; a target that cannot be read is UNKNOWN with the reason. */
    public static List<TargetState> read(Project project, List<FleetTarget> targets, int parallel, Function<FleetTarget, Database> connect) {
        return BoundedPool.run(targets, parallel, t -> read(project, t, connect), s -> false);
    }

    private static TargetState read(Project project, FleetTarget target, Function<FleetTarget, Database> connect) {
        List<String> rows;
        try (Database db = connect.apply(target); Connection c = db.connection()) {
            rows = new VersionTable(db.dialect(), project.config().versionTable()).heads(c);
        } catch (SQLException | RuntimeException e) {
            return new TargetState(target, State.UNKNOWN, null, 0, target.redact(FleetUpgrade.message(e)));
        }
        try {
            project.checkKnown(rows);
            var seen = project.atRows(rows);
            int pending = new Planner(seen.graph()).upgradeSet(seen.rows(), "heads").size();
            return new TargetState(target, Status.missingHeads(project, rows).isEmpty() ? State.AT_HEAD : State.BEHIND, rows, pending, null);
        } catch (RuntimeException e) {
            return new TargetState(target, State.UNKNOWN, rows, 0, target.redact(FleetUpgrade.message(e)));
        }
    }
}
