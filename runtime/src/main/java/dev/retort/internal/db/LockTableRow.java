package dev.retort.internal.db;

import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.type.Types;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * H2 (and any database with row locks but no session lock of its own): the single row of a small lock table,
 * held {@code FOR UPDATE} by a transaction left open on a dedicated connection. The database rolls that
 * transaction back when the session ends, so the lock cannot outlive its launcher.
 */
public final class LockTableRow extends SessionLock {
    private final String table;

    public LockTableRow(Database database, String table) {
        super(database, "row of lock table " + table);
        this.table = table;
    }

    @Override protected void prepare(Connection c) throws SQLException {
        schema = Tables.currentSchema(c);
        if (!Tables.exists(c, table)) {
            Column id = new Column("id", Types.INTEGER, false, true, false, false, null, null, null);
            try (Statement s = c.createStatement()) {
                for (String sql : database.dialect().render(new CreateTable(null, table, List.of(id), List.of(), List.of(), false, null)))
                    s.execute(sql);
            } catch (SQLException e) {
                if (!Tables.exists(c, table)) throw e; // another launcher created it first
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quoted())) {
            rs.next();
            if (rs.getInt(1) == 0)
                try (Statement insert = c.createStatement()) {
                    insert.execute("INSERT INTO " + quoted() + " (id) VALUES (1)");
                } catch (SQLException e) {
                    // another launcher inserted it first
                }
        }
        c.setAutoCommit(false);
    }

    private String quoted() { return database.dialect().quote(table); }

    @Override protected boolean tryTake(Connection c) throws SQLException {
        // SKIP LOCKED returns no row instead of waiting: a lock-wait timeout would be an SQLTimeoutException,
        // which makes HikariCP discard the connection.
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + quoted() + " WHERE id = 1 FOR UPDATE SKIP LOCKED")) {
            return rs.next();
        }
    }

    @Override protected String holder(Connection c) throws SQLException {
        return "another session (H2 does not say which; see INFORMATION_SCHEMA.SESSIONS)";
    }

    @Override protected void release(Connection c) throws SQLException { c.rollback(); }
}
