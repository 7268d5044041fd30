package dev.retort.internal.database.sqlite;

import dev.retort.internal.autogen.*;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.schema.TableConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLite: types are the text the table was declared with, unique constraints are indexes of origin 'u'
 * ({@code PRAGMA index_list}), and there are no comments. Check constraints are not reflected.
 */
public final class SqliteReflector extends SchemaReflector {
    public SqliteReflector(Dialect dialect) { super(dialect); }

    @Override protected String catalog(Connection c) { return null; }
    @Override protected String schema(Connection c) { return null; }
    @Override protected boolean isSystemTable(String name) { return name.startsWith("sqlite_"); }
    @Override protected boolean supportsComments() { return false; }
    @Override public boolean reflectsChecks() { return false; }

    @Override protected Map<String, String> typeAliases() { return Map.of("int", "integer", "decimal", "numeric"); }

    @Override protected String nativeType(Connection c, String table, ColumnInfo info) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quoted(table) + ")")) {
            while (rs.next()) if (rs.getString("name").equals(info.name())) return rs.getString("type");
        }
        return info.typeName();
    }

    @Override protected List<TableConstraint.Unique> uniques(Connection c, String catalog, String schema, String table) throws SQLException {
        List<TableConstraint.Unique> out = new ArrayList<>();
        for (Map.Entry<String, String> ix : indexOrigins(c, table).entrySet()) {
            if (!ix.getValue().equals("u")) continue;
            List<String> cols = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_info(" + quoted(ix.getKey()) + ")")) {
                while (rs.next()) cols.add(rs.getString("name"));
            }
            out.add(new TableConstraint.Unique(ix.getKey().startsWith("sqlite_autoindex_") ? null : ix.getKey(), cols));
        }
        return out;
    }

    @Override protected Set<String> constraintIndexNames(Connection c, String schema, String table, TableConstraint.PrimaryKey pk,
                                                         List<TableConstraint.Unique> uniques, List<TableConstraint.ForeignKey> fks) throws SQLException {
        Set<String> names = new HashSet<>();
        indexOrigins(c, table).forEach((name, origin) -> { if (!origin.equals("c")) names.add(name); });
        return names;
    }

    /** Index name → origin: c (CREATE INDEX), u (UNIQUE constraint), pk (primary key). */
    private static Map<String, String> indexOrigins(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_list(" + quoted(table) + ")")) {
            while (rs.next()) out.put(rs.getString("name"), rs.getString("origin"));
        }
        return out;
    }

    private static String quoted(String name) { return "\"" + name.replace("\"", "\"\"") + "\""; }
}
