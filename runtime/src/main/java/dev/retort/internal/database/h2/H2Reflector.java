package dev.retort.internal.database.h2;

import dev.retort.internal.database.*;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.schema.TableConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** H2 2.x: upper-case folding, its INFORMATION_SCHEMA for checks, enum values and the indexes it generates itself. */
public final class H2Reflector extends SchemaReflector {
    public H2Reflector(Dialect dialect) { super(dialect); }

    @Override protected String modelName(String name) {
        return name.equals(name.toUpperCase(java.util.Locale.ROOT)) ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }

    @Override protected Set<String> lengthTypes() { return Set.of("character varying", "character", "binary varying", "binary"); }

    @Override protected Map<String, String> typeAliases() {
        return Map.of("varchar", "character varying", "char", "character", "clob", "character large object",
                "varbinary", "binary varying", "blob", "binary large object", "decimal", "numeric", "int", "integer",
                "double", "double precision", "float8", "double precision");
    }

    @Override protected String nativeType(Connection c, String table, ColumnInfo info) throws SQLException {
        if (!info.typeName().equalsIgnoreCase("ENUM")) return super.nativeType(c, table, info);
        List<String> values = new ArrayList<>();
        String sql = "SELECT v.VALUE_NAME FROM INFORMATION_SCHEMA.COLUMNS col JOIN INFORMATION_SCHEMA.ENUM_VALUES v "
                + "ON v.OBJECT_SCHEMA = col.TABLE_SCHEMA AND v.OBJECT_NAME = col.TABLE_NAME AND v.OBJECT_TYPE = 'TABLE' "
                + "AND v.ENUM_IDENTIFIER = col.DTD_IDENTIFIER "
                + "WHERE col.TABLE_SCHEMA = SCHEMA() AND col.TABLE_NAME = ? AND col.COLUMN_NAME = ? ORDER BY v.VALUE_ORDINAL";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, info.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) values.add("'" + rs.getString(1).replace("'", "''") + "'");
            }
        }
        return values.isEmpty() ? "ENUM" : "ENUM(" + String.join(", ", values) + ")";
    }

    @Override protected List<TableConstraint.Check> checks(Connection c, String catalog, String schema, String table) throws SQLException {
        List<TableConstraint.Check> out = new ArrayList<>();
        String sql = INFORMATION_SCHEMA_CHECKS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    // CONSTRAINT_<hex> is H2's name for a constraint declared without one.
                    if (!rs.getString(1).matches("CONSTRAINT_[0-9A-F]+"))
                        out.add(new TableConstraint.Check(modelName(rs.getString(1)), rs.getString(2)));
            }
        }
        return out;
    }

    @Override protected Set<String> constraintIndexNames(Connection c, String schema, String table, TableConstraint.PrimaryKey pk,
                                                         List<TableConstraint.Unique> uniques, List<TableConstraint.ForeignKey> fks) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                + "WHERE IS_GENERATED AND TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(modelName(rs.getString(1)));
            }
        }
        return names;
    }
}
