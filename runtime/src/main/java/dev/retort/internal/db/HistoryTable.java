package dev.retort.internal.db;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.type.ColumnType;
import dev.retort.dsl.type.Types;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit table ({@code retort_history}, DESIGN §6): one row per step run or stamped, with the script's
 * checksum, timings, who ran it and whether it succeeded. On databases without transactional DDL it also
 * records statement-by-statement progress, which lets a rerun resume a failed step. Its DDL is rendered
 * through the dialect like any table. Rows are numbered by the launcher holding the migration lock.
 */
public final class HistoryTable {
    private static final int ERROR_LENGTH = 2000;
    private static final String COLUMNS = "id, revision, direction, from_revisions, to_revisions, script, checksum, started_at, "
            + "finished_at, duration_ms, os_user, host, success, statements_total, statements_applied, applied_digest, error";

    private final Dialect dialect;
    private final String name;

    public HistoryTable(Dialect dialect, String name) { this.dialect = dialect; this.name = name; }

    public String name() { return name; }

    public List<String> createStatements() {
        List<Column> columns = List.of(
                new Column("id", Types.BIGINT, false, true, false, false, null, null, null),
                column("revision", Types.string(64), false),
                column("direction", Types.string(10), false),
                column("from_revisions", Types.string(255), true),
                column("to_revisions", Types.string(255), true),
                column("script", Types.string(255), true),
                column("checksum", Types.string(64), true),
                column("started_at", Types.TIMESTAMP, false),
                column("finished_at", Types.TIMESTAMP, true),
                column("duration_ms", Types.BIGINT, true),
                column("os_user", Types.string(128), true),
                column("host", Types.string(255), true),
                column("success", Types.BOOLEAN, false),
                column("statements_total", Types.INTEGER, false),
                column("statements_applied", Types.INTEGER, false),
                column("applied_digest", Types.string(64), true),
                column("error", Types.string(ERROR_LENGTH), true));
        return dialect.render(new CreateTable(null, name, columns, List.of(), List.of(), false, null));
    }

    private static Column column(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, false, false, false, null, null, null);
    }

    public boolean exists(Connection c) throws SQLException { return Tables.exists(c, name); }

    public void ensureExists(Connection c) throws SQLException {
        if (exists(c)) return;
        try (Statement s = c.createStatement()) {
            for (String sql : createStatements()) s.execute(sql);
        }
    }

    private String table() { return dialect.quote(name); }

    /** The next row id; callers hold the migration lock, so no other launcher inserts meanwhile. */
    public long nextId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table())) {
            return rs.next() ? rs.getLong(1) + 1 : 1;
        }
    }

    public void insert(Connection c, HistoryRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table() + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, r.id());
            ps.setString(2, r.revision());
            ps.setString(3, r.direction());
            ps.setString(4, r.fromRevisions());
            ps.setString(5, r.toRevisions());
            ps.setString(6, clip(r.script(), 255));
            ps.setString(7, r.checksum());
            ps.setTimestamp(8, Timestamp.from(r.startedAt()));
            ps.setTimestamp(9, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
            if (r.durationMs() == null) ps.setNull(10, java.sql.Types.BIGINT); else ps.setLong(10, r.durationMs());
            ps.setString(11, clip(r.osUser(), 128));
            ps.setString(12, clip(r.host(), 255));
            ps.setBoolean(13, r.success());
            ps.setInt(14, r.statementsTotal());
            ps.setInt(15, r.statementsApplied());
            ps.setString(16, r.appliedDigest());
            ps.setString(17, clip(r.error(), ERROR_LENGTH));
            ps.executeUpdate();
        }
    }

    /**
     * The row's INSERT with its values as literals, so that it can go to the database in one batch with the step's own
     * statements (a prepared statement would be a round trip of its own). Timestamps are written as the session's
     * local time, as {@link #insert} binds them.
     */
    public String insertStatement(HistoryRow r) {
        List<Object> values = java.util.Arrays.asList(r.id(), r.revision(), r.direction(), r.fromRevisions(), r.toRevisions(),
                clip(r.script(), 255), r.checksum(), Timestamp.from(r.startedAt()), r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()),
                r.durationMs(), clip(r.osUser(), 128), clip(r.host(), 255), r.success(), r.statementsTotal(), r.statementsApplied(),
                r.appliedDigest(), clip(r.error(), ERROR_LENGTH));
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table()).append(" (").append(COLUMNS).append(") VALUES (");
        for (int i = 0; i < values.size(); i++) sql.append(i == 0 ? "" : ", ").append(dialect.literal(values.get(i)));
        return sql.append(')').toString();
    }

    /** Records that statements 1..applied of a running step are in the database. */
    public void progress(Connection c, long id, int applied, String appliedDigest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table() + " SET statements_applied = ?, applied_digest = ? WHERE id = ?")) {
            ps.setInt(1, applied);
            ps.setString(2, appliedDigest);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    public void finish(Connection c, long id, Instant finished, long durationMs, boolean success, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table()
                + " SET finished_at = ?, duration_ms = ?, success = ?, error = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(finished));
            ps.setLong(2, durationMs);
            ps.setBoolean(3, success);
            ps.setString(4, clip(error, ERROR_LENGTH));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /** The newest row for a revision run in a direction. */
    public Optional<HistoryRow> latest(Connection c, String revision, String direction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table()
                + " WHERE revision = ? AND direction = ? ORDER BY id DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, revision);
            ps.setString(2, direction);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Every row, oldest first; none when the table does not exist. */
    public List<HistoryRow> all(Connection c) throws SQLException {
        if (!exists(c)) return List.of();
        List<HistoryRow> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM " + table() + " ORDER BY id")) {
            while (rs.next()) out.add(row(rs));
        }
        return out;
    }

    /**
     * Per revision, its newest successful row: an {@code upgrade} or {@code stamp} row means the revision is applied
     * with that script, a {@code downgrade} row means it was taken out since.
     */
    public Map<String, HistoryRow> lastSuccessful(Connection c) throws SQLException {
        Map<String, HistoryRow> out = new LinkedHashMap<>();
        for (HistoryRow r : all(c)) if (r.success()) out.put(r.revision(), r);
        return out;
    }

    private static HistoryRow row(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(9);
        long duration = rs.getLong(10);
        Long durationMs = rs.wasNull() ? null : duration;
        return new HistoryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), finished == null ? null : finished.toInstant(),
                durationMs, rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getInt(14), rs.getInt(15),
                rs.getString(16), rs.getString(17));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
