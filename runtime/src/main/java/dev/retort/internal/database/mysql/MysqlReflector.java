package dev.retort.internal.database.mysql;

import dev.retort.internal.database.*;

import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reader of MySQL and MariaDB: a database is a catalog, BOOLEAN is TINYINT(1), and MySQL reports string defaults
 * without quotes (MariaDB quotes them since 10.2.7), so an unquoted word that is not an expression is a literal. For
 * rendering it reads a table's columns as {@code MODIFY} restates them, from information_schema.
 */
public final class MysqlReflector extends SchemaReflector {
    private final boolean jsonIsLongtext;
    private final boolean defaultsAreSql;

    /**
     * @param jsonIsLongtext MariaDB's JSON is LONGTEXT with a json_valid check (mariadb.com/kb/en/json-data-type); MySQL's is a type of its own
     * @param defaultsAreSql MariaDB (since 10.2.7) gives COLUMN_DEFAULT as SQL: literals quoted, expressions as written, NULL
     *                       as the word; MySQL gives literals unquoted and marks expressions DEFAULT_GENERATED
     */
    public MysqlReflector(Dialect dialect, boolean jsonIsLongtext, boolean defaultsAreSql) {
        super(dialect);
        this.jsonIsLongtext = jsonIsLongtext;
        this.defaultsAreSql = defaultsAreSql;
    }

    @Override protected String schema(Connection c) { return null; }

    @Override protected String currentSchemaSql() { return "DATABASE()"; }

    @Override protected String schemaForInformationSchema(String catalog, String schema) { return catalog; }

    @Override protected Set<String> lengthTypes() { return Set.of("varchar", "char", "varbinary", "binary"); }

    @Override protected Map<String, String> typeAliases() {
        Map<String, String> aliases = new java.util.HashMap<>(Map.of("integer", "int", "numeric", "decimal", "boolean", "tinyint(1)",
                "bool", "tinyint(1)", "double precision", "double", "real", "double"));
        if (jsonIsLongtext) aliases.put("json", "longtext");
        return aliases;
    }

    @Override protected String nativeType(Connection c, String table, ColumnInfo info) throws SQLException {
        if (info.jdbcType() == Types.BIT && info.typeName().equalsIgnoreCase("TINYINT") || info.jdbcType() == Types.BOOLEAN)
            return "TINYINT(1)";
        // Metadata names a native ENUM without its values; COLUMN_TYPE spells them out: enum('a','b').
        if (info.typeName().equalsIgnoreCase("ENUM")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_TYPE FROM information_schema.COLUMNS "
                    + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
                ps.setString(1, table);
                ps.setString(2, info.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return "ENUM" + rs.getString(1).substring("enum".length());
                }
            }
        }
        return super.nativeType(c, table, info);
    }

    @Override protected ColumnDefault parseDefault(String text) {
        ColumnDefault d = DefaultValues.parse(text);
        if (d instanceof ColumnDefault.Expression e && !e.sql().contains("(") && !e.sql().matches("(?i)current_\\w+|null"))
            return new ColumnDefault.Literal(e.sql());
        return d;
    }

    /**
     * Besides the constraints' own names: MySQL and MariaDB create an index for a foreign key that has none, named
     * after the constraint, or after its first column when the constraint was not named.
     */
    @Override protected Set<String> constraintIndexNames(Connection c, String schema, String table, TableConstraint.PrimaryKey pk,
                                                         List<TableConstraint.Unique> uniques, List<TableConstraint.ForeignKey> fks) throws SQLException {
        Set<String> names = new java.util.HashSet<>(super.constraintIndexNames(c, schema, table, pk, uniques, fks));
        fks.forEach(fk -> names.add(fk.columns().get(0)));
        return names;
    }

    @Override protected List<TableConstraint.Check> checks(Connection c, String catalog, String schema, String table) throws SQLException {
        List<TableConstraint.Check> out = new ArrayList<>();
        String sql = INFORMATION_SCHEMA_CHECKS;
        Set<String> columnNames = new java.util.HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(catalog, null, table, "%")) {
            while (rs.next()) columnNames.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, catalog);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    // MariaDB names column-level checks (and JSON's json_valid) after the column, unnamed table checks
                    // CONSTRAINT_n; MySQL names unnamed ones <table>_chk_n.
                    if (columnNames.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.matches("CONSTRAINT_\\d+")
                            || name.matches(java.util.regex.Pattern.quote(table) + "_chk_\\d+")) continue;
                    out.add(new TableConstraint.Check(name, rs.getString(2)));
                }
            }
        }
        return out;
    }

    // ---- one table, for rendering: the columns as MODIFY/CHANGE restate them ----------------------

    /** Columns only: MODIFY restates a column, and constraints are read by {@link #constraints}. */
    @Override public Optional<TableModel> table(CatalogQuery catalog, String schemaName, String tableName) {
        List<Map<String, Object>> rows = catalog.rows("SELECT column_name, column_type, is_nullable, column_default, extra, "
                + "column_comment FROM information_schema.columns WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ? "
                + "ORDER BY ordinal_position", schemaName, tableName);
        if (rows.isEmpty()) return Optional.empty();
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String extra = String.valueOf(r.get("extra")).toLowerCase();
            String comment = (String) r.get("column_comment");
            columns.add(TableModel.readColumn((String) r.get("column_name"), (String) r.get("column_type"),
                    "YES".equals(r.get("is_nullable")), liveDefault((String) r.get("column_default"), extra),
                    extra.contains("auto_increment"), comment == null || comment.isEmpty() ? null : comment));
        }
        return Optional.of(new TableModel(schemaName, tableName, columns, List.of(), List.of(), null));
    }

    /** information_schema's COLUMN_DEFAULT as SQL text to restate after DEFAULT, or null for none. */
    private String liveDefault(String columnDefault, String extra) {
        if (defaultsAreSql) return columnDefault == null || columnDefault.equalsIgnoreCase("NULL") ? null : columnDefault;
        if (columnDefault == null) return null;
        if (extra.contains("default_generated") || columnDefault.toUpperCase().startsWith("CURRENT_TIMESTAMP")) return columnDefault;
        return dialect.literal(columnDefault);
    }
}
