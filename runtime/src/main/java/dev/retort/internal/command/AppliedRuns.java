package dev.retort.internal.command;

import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** When and how each revision last ran, from the history table: what {@code history --verbose} adds to the graph. */
public final class AppliedRuns {
    private AppliedRuns() {}

    /**
     * Per revision, its newest successful run; empty when the table does not exist. A revision a stamp marked as not
     * applied (a {@code stamp} row without checksum) has none.
     */
    public static Map<String, HistoryRow> read(Project project, Database database) {
        HistoryTable history = new HistoryTable(database.dialect(), project.config().historyTable());
        try (Connection c = database.connection()) {
            if (!history.exists(c)) return Map.of();
            Map<String, HistoryRow> runs = new java.util.LinkedHashMap<>(history.lastSuccessful(c));
            runs.values().removeIf(r -> r.direction().equals("stamp") && r.checksum() == null);
            return runs;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the history table " + history.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code Applied: 2026-11-21T05:55:27Z (upgrade, 63 ms, by alice@build-7)}. */
    public static String describe(HistoryRow r) {
        return "Applied: " + (r.finishedAt() != null ? r.finishedAt() : r.startedAt()) + " (" + r.direction()
                + (r.durationMs() == null ? "" : ", " + r.durationMs() + " ms") + ", by " + r.osUser() + "@" + r.host() + ")";
    }
}
