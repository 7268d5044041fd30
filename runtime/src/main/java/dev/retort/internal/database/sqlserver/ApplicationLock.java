package dev.retort.internal.database.sqlserver;

import dev.retort.internal.db.*;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * SQL Server: {@code sp_getapplock} with {@code @LockOwner = 'Session'}, released with the session
 * (learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-getapplock-transact-sql).
 * Not yet exercised against a server in the specs.
 */
public final class ApplicationLock extends SessionLock {
    private final String baseName;
    private String resource;

    public ApplicationLock(Database database, String name) {
        super(database, "sp_getapplock '" + name + "'");
        this.baseName = name;
    }

    /** One database holds every schema's application locks: the schema goes into the name. */
    @Override protected void prepare(Connection c) throws SQLException {
        resource = scoped(c, baseName);
        description = "sp_getapplock '" + resource + "'";
    }

    @Override protected boolean tryTake(Connection c) throws SQLException {
        try (CallableStatement cs = c.prepareCall("{? = call sp_getapplock(?, 'Exclusive', 'Session', 1000)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setString(2, resource);
            cs.execute();
            return cs.getInt(1) >= 0;
        }
    }

    @Override protected String holder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT TOP 1 l.request_session_id, s.login_name, s.host_name, s.program_name "
                + "FROM sys.dm_tran_locks l JOIN sys.dm_exec_sessions s ON s.session_id = l.request_session_id "
                + "WHERE l.resource_type = 'APPLICATION' AND l.request_status = 'GRANT' AND l.request_session_id <> @@SPID")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return "a session that has just let it go";
                return "session " + rs.getInt(1) + " (login " + rs.getString(2) + ", host " + rs.getString(3) + ", " + rs.getString(4) + ")";
            }
        }
    }

    @Override protected void release(Connection c) throws SQLException {
        try (CallableStatement cs = c.prepareCall("{call sp_releaseapplock(?, 'Session')}")) {
            cs.setString(1, resource);
            cs.execute();
        }
    }
}
