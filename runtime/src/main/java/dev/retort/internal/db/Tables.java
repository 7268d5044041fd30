package dev.retort.internal.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Whether a table exists, asked through JDBC metadata in the connection's own catalog, whatever the identifier case. */
final class Tables {
    private Tables() {}

    static boolean exists(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String candidate : List.of(name, name.toUpperCase(), name.toLowerCase()))
            try (ResultSet rs = md.getTables(c.getCatalog(), null, candidate, new String[] {"TABLE"})) {
                // Some drivers (MariaDB) match across schemas; require the exact name.
                while (rs.next()) if (rs.getString("TABLE_NAME").equalsIgnoreCase(name)) return true;
            }
        return false;
    }
}
