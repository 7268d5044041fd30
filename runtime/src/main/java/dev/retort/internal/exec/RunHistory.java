package dev.retort.internal.exec;

import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import dev.retort.internal.db.LauncherIdentity;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** The history rows a live run writes: their ids and their contents; both sinks share it. */
final class RunHistory {
    final HistoryTable table;
    final Connection connection;
    private final LauncherIdentity who = LauncherIdentity.current();
    /** Read once per run, then counted here: the migration lock keeps every other launcher from inserting meanwhile. */
    private long nextId = -1;

    RunHistory(HistoryTable table, Connection connection) {
        this.table = table;
        this.connection = connection;
    }

    long nextId() throws SQLException {
        if (nextId < 0) nextId = table.nextId(connection);
        return nextId++;
    }

    /** The row of a step that started at {@code started}; {@code finished} is null while it runs. */
    HistoryRow row(long id, StepPlan plan, Instant started, Instant finished, boolean success, int applied, String error) {
        Step step = plan.step();
        String parents = String.join(",", step.revision().downRevisions());
        boolean up = step.direction() == Direction.UPGRADE;
        return new HistoryRow(id, plan.revision(), direction(step), up ? parents : plan.revision(), up ? plan.revision() : parents,
                plan.script(), plan.checksum(), started, finished, finished == null ? null : Duration.between(started, finished).toMillis(),
                who.osUser(), who.host(), success, plan.statements().size(), applied, plan.prefixDigests().get(applied), error);
    }

    static String direction(Step step) { return step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade"; }
}
