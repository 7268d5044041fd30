package dev.retort.internal.database.postgresql;

import dev.retort.internal.db.*;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL: a session-level {@code pg_try_advisory_lock} on a connection of its own, in autocommit mode. A
 * transaction-scoped lock would keep a transaction open, and {@code CREATE INDEX CONCURRENTLY} waits for every
 * open transaction, the lock holder's included: a deadlock (postgresql.org/docs/current/sql-createindex.html).
 */
public final class AdvisoryLock extends SessionLock {
    private final String baseName;
    private long key;

    public AdvisoryLock(Database database, String name) {
        super(database, "advisory lock '" + name + "'");
        this.baseName = name;
    }

    @Override protected void prepare(Connection c) throws SQLException {
        // Advisory locks belong to one database; the schema in the name keeps the tenants of a shared database apart.
        String name = scoped(c, baseName);
        key = ByteBuffer.wrap(dev.retort.internal.script.ScriptChecksum.digest().digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))).getLong();
        description = "advisory lock '" + name + "'";
        // Shown in pg_stat_activity, so a waiting launcher (or a DBA) sees who holds the lock.
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            ps.setString(1, "retort " + LauncherIdentity.current().describe());
            ps.execute();
        }
    }

    @Override protected boolean tryTake(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() && rs.getBoolean(1); }
        }
    }

    @Override protected String holder(Connection c) throws SQLException {
        // A bigint key is stored as classid (high half), objid (low half), objsubid 1 (see the pg_locks documentation).
        try (PreparedStatement ps = c.prepareStatement("SELECT a.pid, a.usename, a.client_addr, a.application_name, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFFFFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return "a session that has just let it go";
                return "PostgreSQL backend pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", client "
                        + (rs.getString(3) == null ? "local" : rs.getString(3)) + ", " + rs.getString(4) + ", connected since "
                        + rs.getTimestamp(5).toInstant() + ")";
            }
        }
    }

    @Override protected void release(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + key + ")");
        }
    }
}
