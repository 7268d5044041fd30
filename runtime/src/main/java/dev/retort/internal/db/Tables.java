package dev.retort.internal.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Where Retort's own tables live for a connection, and whether one exists there: in the connection's current schema
 * (PostgreSQL's {@code currentSchema}/{@code search_path}, H2, Oracle, SQL Server) within its catalog (the database,
 * for MySQL and MariaDB), whatever the identifier case. Never in "any schema": with one schema per tenant, another
 * schema's table is not this tenant's.
 */
public final class Tables {
    private Tables() {}

    static boolean exists(Connection c, String name) throws SQLException { return find(c, name).isPresent(); }

    /**
     * The table's name as the catalog spells it ({@code flyway_schema_history}, {@code DATABASECHANGELOG}), looked up in
     * the connection's current schema whatever the case it was created in; empty when there is none.
     */
    public static Optional<String> find(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = currentSchema(c);
        String schemaPattern = schema == null ? null : escaped(schema, md.getSearchStringEscape());
        for (String candidate : List.of(name, name.toUpperCase(), name.toLowerCase()))
            try (ResultSet rs = md.getTables(c.getCatalog(), schemaPattern, candidate, new String[] {"TABLE"})) {
                // '_' in a name is a pattern wildcard, and some drivers (MariaDB) match across schemas: require the exact names.
                while (rs.next())
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(name) && (schema == null || schema.equals(rs.getString("TABLE_SCHEM"))))
                        return Optional.of(rs.getString("TABLE_NAME"));
            }
        return Optional.empty();
    }

    /**
     * The schema the connection creates unqualified tables in, or null where the database has no schemas below the
     * catalog (MySQL, MariaDB, SQLite).
     *
     * @throws SQLException when the database has schemas but the session has none: PostgreSQL's {@code currentSchema}
     *                      naming a schema that does not exist leaves {@code current_schema()} null
     */
    static String currentSchema(Connection c) throws SQLException {
        String schema = c.getSchema();
        if (schema == null && c.getMetaData().supportsSchemasInTableDefinitions())
            throw new SQLException("the session has no current schema: the schema its URL selects (currentSchema, or the "
                    + "search_path) does not exist in this database; create that schema first, or fix the URL");
        return schema;
    }

    /**
     * What keeps two launchers apart on this connection, for a lock's name: the current schema and the catalog
     * ({@code test/fleet_t01}), or the catalog alone where there are no schemas ({@code app} on MariaDB); {@code schema}
     * is {@link #currentSchema}'s answer.
     */
    static String scope(Connection c, String schema) throws SQLException {
        String catalog = c.getCatalog() == null ? "" : c.getCatalog();
        return schema == null ? catalog : catalog + "/" + schema;
    }

    private static String escaped(String pattern, String escape) {
        if (escape == null || escape.isEmpty()) return pattern;
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
