package dev.retort.internal.database.sqlserver;

import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.db.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQL Server: reads the current schema from the catalog views ({@code sys.tables}, {@code sys.columns},
 * {@code sys.types}, {@code sys.default_constraints}, {@code sys.key_constraints}, {@code sys.indexes},
 * {@code sys.index_columns}, {@code sys.foreign_keys}, {@code sys.foreign_key_columns}, {@code sys.check_constraints},
 * {@code sys.extended_properties}; learn.microsoft.com/sql/relational-databases/system-catalog-views), which say which
 * index carries a key and which names the server made up. Comments are the {@code MS_Description} extended property.
 * Checked against tables shaped like those views, not against a live SQL Server.
 */
public final class SqlServerReflector extends SchemaReflector {

    public SqlServerReflector(Dialect dialect) { super(dialect); }

    @Override public SchemaModel reflect(Connection c, Set<String> ignored) {
        CatalogQuery q = catalogQuery(c);
        try {
            String schema = c.getSchema();
            Set<String> skip = ignored.stream().map(TableModel::key).collect(Collectors.toSet());
            List<TableModel> tables = new ArrayList<>();
            for (Map<String, Object> t : q.rows("SELECT t.object_id, t.name, ep.value AS comment FROM sys.tables t "
                    + "JOIN sys.schemas s ON s.schema_id = t.schema_id LEFT JOIN sys.extended_properties ep ON ep.class = 1 "
                    + "AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = 'MS_Description' "
                    + "WHERE s.name = ? AND t.is_ms_shipped = 0 ORDER BY t.name", schema)) {
                String table = text(t, "name");
                if (skip.contains(TableModel.key(table))) continue;
                tables.add(table(q, number(t, "object_id"), table, blankToNull(text(t, "comment"))));
            }
            return new SchemaModel(tables);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database schema: " + e.getMessage(), e);
        }
    }

    private TableModel table(CatalogQuery q, int objectId, String table, String comment) {
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT col.name, ty.name AS type_name, col.max_length, col.precision, col.scale, "
                + "col.is_nullable, col.is_identity, dc.definition AS default_sql, ep.value AS comment FROM sys.columns col "
                + "JOIN sys.types ty ON ty.user_type_id = col.user_type_id "
                + "LEFT JOIN sys.default_constraints dc ON dc.object_id = col.default_object_id "
                + "LEFT JOIN sys.extended_properties ep ON ep.class = 1 AND ep.major_id = col.object_id AND ep.minor_id = col.column_id "
                + "AND ep.name = 'MS_Description' WHERE col.object_id = ? ORDER BY col.column_id", objectId)) {
            boolean identity = flag(r, "is_identity");
            String def = r.get("default_sql") == null ? null : unwrap(text(r, "default_sql"));
            // N'…' is a Unicode string literal; its value is the same text.
            if (def != null && def.matches("(?s)N'.*'")) def = def.substring(1);
            columns.add(new Column(text(r, "name"), types().resolve(nativeType(r)), flag(r, "is_nullable"), false, identity, false,
                    identity ? null : parseDefault(def), null, blankToNull(text(r, "comment"))));
        }

        TableConstraint.PrimaryKey pk = null;
        List<TableConstraint.Unique> uniques = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT name, type, unique_index_id, is_system_named FROM sys.key_constraints "
                + "WHERE parent_object_id = ? ORDER BY name", objectId)) {
            String name = flag(r, "is_system_named") ? null : text(r, "name");
            List<String> cols = indexColumns(q, objectId, number(r, "unique_index_id"));
            if ("PK".equals(text(r, "type").strip())) pk = new TableConstraint.PrimaryKey(name, cols);
            else uniques.add(new TableConstraint.Unique(name, cols));
        }

        List<TableConstraint.ForeignKey> fks = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT fk.object_id, fk.name, fk.is_system_named, rt.name AS ref_table, "
                + "fk.delete_referential_action_desc AS on_delete, fk.update_referential_action_desc AS on_update "
                + "FROM sys.foreign_keys fk JOIN sys.tables rt ON rt.object_id = fk.referenced_object_id "
                + "WHERE fk.parent_object_id = ? ORDER BY fk.name", objectId)) {
            List<String> cols = new ArrayList<>();
            List<String> refCols = new ArrayList<>();
            for (Map<String, Object> k : q.rows("SELECT pc.name AS from_col, rc.name AS to_col FROM sys.foreign_key_columns fkc "
                    + "JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id "
                    + "JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id "
                    + "WHERE fkc.constraint_object_id = ? ORDER BY fkc.constraint_column_id", number(r, "object_id"))) {
                cols.add(text(k, "from_col"));
                refCols.add(text(k, "to_col"));
            }
            fks.add(new TableConstraint.ForeignKey(flag(r, "is_system_named") ? null : text(r, "name"), cols, text(r, "ref_table"),
                    refCols, action(text(r, "on_delete")), action(text(r, "on_update"))));
        }

        List<TableConstraint.Check> checks = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT name, definition FROM sys.check_constraints WHERE parent_object_id = ? "
                + "AND is_system_named = 0 ORDER BY name", objectId))
            checks.add(new TableConstraint.Check(text(r, "name"), unwrap(text(r, "definition"))));

        List<IndexDef> indexes = new ArrayList<>();
        // type 0 is the heap itself; keys have their own index, read above.
        for (Map<String, Object> r : q.rows("SELECT index_id, name, is_unique FROM sys.indexes WHERE object_id = ? AND type > 0 "
                + "AND is_primary_key = 0 AND is_unique_constraint = 0 ORDER BY name", objectId))
            indexes.add(new IndexDef(text(r, "name"), indexColumns(q, objectId, number(r, "index_id")), flag(r, "is_unique")));
        return new TableModel(table, columns, pk, uniques, fks, checks, indexes, comment);
    }

    private static List<String> indexColumns(CatalogQuery q, int objectId, int indexId) {
        List<String> cols = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT col.name FROM sys.index_columns ic JOIN sys.columns col "
                + "ON col.object_id = ic.object_id AND col.column_id = ic.column_id "
                + "WHERE ic.object_id = ? AND ic.index_id = ? AND ic.is_included_column = 0 ORDER BY ic.key_ordinal", objectId, indexId))
            cols.add(text(r, "name"));
        return cols;
    }

    /**
     * The column's type as T-SQL writes it. {@code max_length} is in bytes, two per character for the N types, and
     * -1 for {@code MAX}; seven fractional digits are the default of {@code DATETIME2} and {@code DATETIMEOFFSET}.
     */
    private static String nativeType(Map<String, Object> r) {
        String type = text(r, "type_name").toUpperCase(java.util.Locale.ROOT);
        int length = number(r, "max_length");
        return switch (type) {
            case "NVARCHAR", "NCHAR" -> type + "(" + (length == -1 ? "MAX" : String.valueOf(length / 2)) + ")";
            case "VARCHAR", "CHAR", "VARBINARY", "BINARY" -> type + "(" + (length == -1 ? "MAX" : String.valueOf(length)) + ")";
            case "DECIMAL", "NUMERIC" -> "NUMERIC(" + number(r, "precision") + ", " + number(r, "scale") + ")";
            case "DATETIME2", "DATETIMEOFFSET", "TIME" -> number(r, "scale") == 7 ? type : type + "(" + number(r, "scale") + ")";
            default -> type;
        };
    }

    /** SQL Server keeps a default or check as {@code ((0))} or {@code ('x')}: the outer brackets go. */
    static String unwrap(String sql) {
        String s = sql.strip();
        while (s.startsWith("(") && s.endsWith(")") && closes(s)) s = s.substring(1, s.length() - 1).strip();
        return s;
    }

    /** True when the first bracket of {@code s} closes at its last character, outside string literals. */
    private static boolean closes(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') quoted = !quoted;
            if (quoted) continue;
            if (ch == '(') depth++;
            if (ch == ')' && --depth == 0) return i == s.length() - 1;
        }
        return false;
    }

    /** {@code NO_ACTION}, {@code CASCADE}, {@code SET_NULL}, {@code SET_DEFAULT} as the DSL spells them; no action is null. */
    private static String action(String desc) {
        return desc == null || desc.equals("NO_ACTION") ? null : desc.replace('_', ' ');
    }

    /** An unqualified table is in the user's default schema. */
    @Override protected String currentSchemaSql() { return "SCHEMA_NAME()"; }

    @Override protected Map<String, String> typeAliases() { return Map.of("decimal", "numeric", "integer", "int"); }

    @Override public boolean isGeneratedName(String table, String name) {
        // PK__t__3213E83F…, UQ__t__…, FK__t__c__…, CK__t__c__…, DF__t__c__…: the server's names for unnamed constraints.
        return name == null || name.matches("(?i)(PK|UQ|FK|CK|DF)__.*") || super.isGeneratedName(table, name);
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    private static int number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).intValue();
    }

    private static boolean flag(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Boolean b ? b : v instanceof Number n && n.intValue() != 0;
    }
}
