package dev.retort.internal.database.oracle;

import dev.retort.internal.db.*;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Oracle: {@code DBMS_LOCK.REQUEST} in exclusive mode, not released on commit, so the session holds it
 * (docs.oracle.com: DBMS_LOCK). The user needs EXECUTE on DBMS_LOCK. Not yet exercised against a server in the specs.
 */
public final class DbmsLock extends SessionLock {
    private final String baseName;
    private String name;

    public DbmsLock(Database database, String name) {
        super(database, "DBMS_LOCK '" + name + "'");
        this.baseName = name;
    }

    /** Lock names are instance-wide: the database and schema go into the name. */
    @Override protected void prepare(Connection c) throws SQLException {
        name = scoped(c, baseName);
        description = "DBMS_LOCK '" + name + "'";
    }

    @Override protected boolean tryTake(Connection c) throws SQLException {
        // ALLOCATE_UNIQUE commits, which is harmless on this dedicated connection.
        try (CallableStatement cs = c.prepareCall("DECLARE h VARCHAR2(128); BEGIN DBMS_LOCK.ALLOCATE_UNIQUE(?, h); "
                + "? := DBMS_LOCK.REQUEST(h, DBMS_LOCK.X_MODE, 1, FALSE); END;")) {
            cs.setString(1, name);
            cs.registerOutParameter(2, Types.INTEGER);
            cs.execute();
            int result = cs.getInt(2);
            return result == 0 || result == 4; // 4: this session already holds it
        }
    }

    @Override protected String holder(Connection c) { return "another session (see V$LOCK where TYPE = 'UL')"; }

    @Override protected void release(Connection c) throws SQLException {
        try (CallableStatement cs = c.prepareCall("DECLARE h VARCHAR2(128); r INTEGER; BEGIN DBMS_LOCK.ALLOCATE_UNIQUE(?, h); "
                + "r := DBMS_LOCK.RELEASE(h); END;")) {
            cs.setString(1, name);
            cs.execute();
        }
    }
}
