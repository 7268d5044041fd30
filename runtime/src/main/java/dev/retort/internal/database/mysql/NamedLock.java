package dev.retort.internal.database.mysql;

import dev.retort.internal.db.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MySQL and MariaDB: {@code GET_LOCK}, held by the session. Lock names are server-wide, so the name carries the
 * database name (as before schemas were part of lock names: {@code retort:retort_version@app}); it is shortened by
 * hashing when longer than the 64 characters MySQL allows.
 */
public final class NamedLock extends SessionLock {
    private final String baseName;
    private String lockName;

    public NamedLock(Database database, String name) {
        super(database, "GET_LOCK '" + name + "'");
        this.baseName = name;
    }

    @Override protected void prepare(Connection c) throws SQLException {
        String full = scoped(c, baseName);
        lockName = full.length() <= 64 ? full : "retort:" + dev.retort.internal.script.ScriptChecksum.sha256(full).substring(0, 56);
        description = "GET_LOCK '" + lockName + "'";
    }

    @Override protected boolean tryTake(Connection c) throws SQLException {
        // Waits up to a second in the server, so the loop does not spin.
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 1)")) {
            ps.setString(1, lockName);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() && rs.getInt(1) == 1; }
        }
    }

    @Override protected String holder(Connection c) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, lockName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return "a session that has just let it go";
                id = rs.getLong(1);
                if (rs.wasNull()) return "a session that has just let it go";
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return "connection " + id;
                return "connection " + id + " (user " + rs.getString(1) + ", client " + rs.getString(2) + ", connected "
                        + rs.getLong(3) + "s in its current state)";
            }
        }
    }

    @Override protected void release(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName);
            ps.execute();
        }
    }
}
