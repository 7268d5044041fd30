package dev.retort.internal.database;

import dev.retort.internal.db.DatabaseException;
import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.NamedConstraint;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reader of one database's live schema; each database's package has one subclass, which its
 * {@link dev.retort.internal.database.DatabaseSupport} supplies, so one database's knowledge lives in one place. It
 * answers two readers of {@link TableModel}:
 * <ul>
 *   <li>autogenerate and the test kit: {@link #reflect} reads the connection's current schema into a {@link SchemaModel},
 *       through JDBC {@link DatabaseMetaData}; what metadata does not tell (unique and check constraints, which indexes
 *       the database made for a constraint, how it spells types and defaults) is asked of the subclass;</li>
 *   <li>rendering (MySQL {@code MODIFY}, SQLite rebuilds, constraints dropped by their columns or {@code ifExists}):
 *       {@link #table} and {@link #constraints} read one table through a {@link CatalogQuery} on the migration's own
 *       connection, in the database's own spelling.</li>
 * </ul>
 */
public abstract class SchemaReflector {
    /** The SQL-standard catalog query for a table's check constraints (name, clause); parameters: schema, table. */
    protected static final String INFORMATION_SCHEMA_CHECKS = "SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
            + "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
            + "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
            + "WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? ORDER BY tc.CONSTRAINT_NAME";

    protected final Dialect dialect;
    private final NativeTypes types;

    protected SchemaReflector(Dialect dialect) {
        this.dialect = dialect;
        this.types = new NativeTypes(dialect, this);
    }

    /** The reader for a dialect's database, from its package; dialects without one get plain JDBC metadata. */
    public static SchemaReflector forDialect(Dialect dialect) {
        return DatabaseSupports.forDialect(dialect).reflector(dialect);
    }

    public NativeTypes types() { return types; }

    /** One column as metadata reports it. */
    protected record ColumnInfo(String name, int jdbcType, String typeName, Integer size, Integer digits, boolean nullable,
                                String defaultText, boolean autoIncrement, String remarks) {}

    // ---- the walk -------------------------------------------------------------------------------

    /** The schema's tables, leaving out the ones named in {@code ignored} (Retort's own version and history tables). */
    public SchemaModel reflect(Connection c, Set<String> ignored) {
        try {
            DatabaseMetaData md = c.getMetaData();
            String catalog = catalog(c);
            String schema = schema(c);
            Set<String> skip = ignored.stream().map(TableModel::key).collect(Collectors.toSet());
            List<TableModel> tables = new ArrayList<>();
            for (Map.Entry<String, String> t : tableNames(md, catalog, schema).entrySet()) {
                if (skip.contains(TableModel.key(modelName(t.getKey())))) continue;
                tables.add(table(c, md, catalog, schema, t.getKey(), t.getValue()));
            }
            return new SchemaModel(tables);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database schema: " + e.getMessage(), e);
        }
    }

    protected String catalog(Connection c) throws SQLException { return c.getCatalog(); }

    protected String schema(Connection c) throws SQLException { return c.getSchema(); }

    /** Table name → its comment, in name order. */
    private Map<String, String> tableNames(DatabaseMetaData md, String catalog, String schema) throws SQLException {
        Map<String, String> names = new TreeMap<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String name = rs.getString("TABLE_NAME");
                if (("TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type)) && !isSystemTable(name))
                    names.put(name, blankToNull(rs.getString("REMARKS")));
            }
        }
        return names;
    }

    protected boolean isSystemTable(String name) { return false; }

    private TableModel table(Connection c, DatabaseMetaData md, String catalog, String schema, String table, String comment) throws SQLException {
        TableConstraint.PrimaryKey pk = primaryKey(md, catalog, schema, table);
        Set<String> pkColumns = pk == null ? Set.of() : pk.columns().stream().map(TableModel::key).collect(Collectors.toSet());
        List<Column> columns = new ArrayList<>();
        for (ColumnInfo info : columns(md, catalog, schema, table)) {
            Column col = column(c, table, info);
            // Key columns are NOT NULL, though SQLite reports them nullable.
            if (pkColumns.contains(TableModel.key(col.name())) && col.nullable())
                col = new Column(col.name(), col.type(), false, false, col.autoIncrement(), false, col.defaultValue(), null, col.comment());
            columns.add(col);
        }
        List<TableConstraint.ForeignKey> fks = foreignKeys(md, catalog, schema, table);
        List<TableConstraint.Unique> uniques = uniques(c, catalog, schema, table);
        List<TableConstraint.Check> checks = checks(c, catalog, schema, table);
        Set<String> constraintIndexes = constraintIndexNames(c, schema, table, pk, uniques, fks).stream()
                .map(TableModel::key).collect(Collectors.toSet());
        List<IndexDef> indexes = indexes(md, catalog, schema, table).stream()
                .filter(ix -> !constraintIndexes.contains(TableModel.key(ix.name()))).toList();
        return new TableModel(modelName(table), columns, pk, uniques, fks, checks, indexes, supportsComments() ? comment : null);
    }

    private List<ColumnInfo> columns(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        List<ColumnInfo> out = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) continue; // '_' in a pattern matches any character
                String def = rs.getString("COLUMN_DEF");
                out.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        intOrNull(rs, "COLUMN_SIZE"), intOrNull(rs, "DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, def,
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")) || (def != null && def.startsWith("nextval(")),
                        blankToNull(rs.getString("REMARKS"))));
            }
        }
        return out;
    }

    private Column column(Connection c, String table, ColumnInfo info) throws SQLException {
        ColumnDefault def = info.autoIncrement() ? null : parseDefault(info.defaultText());
        return new Column(modelName(info.name()), types.resolve(nativeType(c, table, info)), info.nullable(), false,
                info.autoIncrement(), false, def, null, supportsComments() ? info.remarks() : null);
    }

    private TableConstraint.PrimaryKey primaryKey(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        Map<Integer, String> cols = new TreeMap<>();
        String name = null;
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                cols.put(rs.getInt("KEY_SEQ"), modelName(rs.getString("COLUMN_NAME")));
                name = rs.getString("PK_NAME");
            }
        }
        return cols.isEmpty() ? null : new TableConstraint.PrimaryKey(name == null || name.isBlank() ? null : modelName(name), List.copyOf(cols.values()));
    }

    private List<TableConstraint.ForeignKey> foreignKeys(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        record Part(String refTable, List<String> cols, List<String> refCols, String onDelete, String onUpdate) {}
        Map<String, Part> byName = new LinkedHashMap<>();
        int unnamed = 0;
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                // Drivers that have no names (SQLite) restart KEY_SEQ at 1 for each key.
                if (name == null || name.isBlank()) name = "\0" + (rs.getInt("KEY_SEQ") == 1 ? ++unnamed : unnamed);
                Part p = byName.computeIfAbsent(name, n -> {
                    try {
                        return new Part(modelName(rs.getString("PKTABLE_NAME")), new ArrayList<>(), new ArrayList<>(),
                                action(rs.getInt("DELETE_RULE")), action(rs.getInt("UPDATE_RULE")));
                    } catch (SQLException e) { throw new IllegalStateException(e); }
                });
                p.cols().add(modelName(rs.getString("FKCOLUMN_NAME")));
                p.refCols().add(modelName(rs.getString("PKCOLUMN_NAME")));
            }
        }
        List<TableConstraint.ForeignKey> out = new ArrayList<>();
        byName.forEach((name, p) -> out.add(new TableConstraint.ForeignKey(name.startsWith("\0") ? null : modelName(name),
                p.cols(), p.refTable(), p.refCols(), p.onDelete(), p.onUpdate())));
        return out;
    }

    /** A referential action as the DSL spells it; the databases' default (no action / restrict) is null. */
    private static String action(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> null;
        };
    }

    private List<IndexDef> indexes(DatabaseMetaData md, String catalog, String schema, String table) throws SQLException {
        record Part(boolean unique, Map<Integer, String> cols) {}
        Map<String, Part> byName = new LinkedHashMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String col = rs.getString("COLUMN_NAME");
                if (name == null || col == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) continue;
                boolean unique = !rs.getBoolean("NON_UNIQUE");
                byName.computeIfAbsent(name, n -> new Part(unique, new TreeMap<>())).cols().put(rs.getInt("ORDINAL_POSITION"), modelName(col));
            }
        }
        List<IndexDef> out = new ArrayList<>();
        byName.forEach((name, p) -> out.add(new IndexDef(modelName(name), List.copyOf(p.cols().values()), p.unique())));
        return out;
    }

    // ---- one table, for rendering ------------------------------------------------------------------

    /**
     * The table as defined now, for rendering that restates it (see {@link dev.retort.dsl.dialect.SchemaLookup}); empty
     * when the table does not exist or this database's rendering never needs it.
     */
    public Optional<TableModel> table(CatalogQuery catalog, String schemaName, String tableName) { return Optional.empty(); }

    /**
     * The table's constraints with the names the database gave them, or empty when the table does not exist: for
     * dropping a constraint found by its columns, or only if it exists. By default from information_schema, which
     * PostgreSQL, H2, MySQL, MariaDB and SQL Server share; {@link #currentSchemaSql} says which schema an unqualified
     * table is in.
     */
    public Optional<List<NamedConstraint>> constraints(CatalogQuery catalog, String schemaName, String tableName) {
        return InformationSchema.constraints(catalog, currentSchemaSql(), schemaName, tableName);
    }

    /** The schema an unqualified table name means, as SQL. */
    protected String currentSchemaSql() { return "CURRENT_SCHEMA"; }

    // ---- what each family answers -----------------------------------------------------------------

    /** The column's type as the database would write it in DDL, arguments included: {@code CHARACTER VARYING(100)}. */
    protected String nativeType(Connection c, String table, ColumnInfo info) throws SQLException {
        String name = info.typeName();
        if (info.size() == null || info.size() <= 0 || info.size() == Integer.MAX_VALUE) return name;
        String n = name.toLowerCase(Locale.ROOT);
        if (lengthTypes().contains(n)) return name + "(" + info.size() + ")";
        if (precisionTypes().contains(n))
            return name + "(" + info.size() + (info.digits() == null ? "" : ", " + info.digits()) + ")";
        return name;
    }

    /** Lower-case native type names that carry a length. */
    protected Set<String> lengthTypes() { return Set.of("varchar", "character varying", "char", "character", "varbinary", "binary varying", "binary"); }

    /** Lower-case native type names that carry a precision and scale. */
    protected Set<String> precisionTypes() { return Set.of("numeric", "decimal"); }

    /** Native type names (lower case) mapped to one spelling, so {@code int4} and {@code integer} compare equal. */
    protected Map<String, String> typeAliases() { return Map.of("decimal", "numeric", "int", "integer"); }

    /** The database's default text as a {@link ColumnDefault}; null when the column has none. */
    protected ColumnDefault parseDefault(String text) { return DefaultValues.parse(text); }

    /** Unique constraints, from the standard {@code INFORMATION_SCHEMA}. */
    protected List<TableConstraint.Unique> uniques(Connection c, String catalog, String schema, String table) throws SQLException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        String sql = "SELECT tc.CONSTRAINT_NAME, kcu.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu ON kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                + "AND kcu.TABLE_SCHEMA = tc.TABLE_SCHEMA AND kcu.TABLE_NAME = tc.TABLE_NAME "
                + "WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ? "
                + "ORDER BY tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schemaForInformationSchema(catalog, schema));
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byName.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(modelName(rs.getString(2)));
            }
        }
        List<TableConstraint.Unique> out = new ArrayList<>();
        byName.forEach((name, cols) -> out.add(new TableConstraint.Unique(modelName(name), cols)));
        return out;
    }

    /** {@code TABLE_SCHEMA} in INFORMATION_SCHEMA: the schema, or the database on MySQL where schema means catalog. */
    protected String schemaForInformationSchema(String catalog, String schema) { return schema; }

    /** Check constraints the user named; none where the family cannot tell. */
    protected List<TableConstraint.Check> checks(Connection c, String catalog, String schema, String table) throws SQLException {
        return List.of();
    }

    /** Indexes the database made to carry a constraint; they are not the user's indexes. */
    protected Set<String> constraintIndexNames(Connection c, String schema, String table, TableConstraint.PrimaryKey pk,
                                               List<TableConstraint.Unique> uniques, List<TableConstraint.ForeignKey> fks) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        if (pk != null && pk.name() != null) names.add(pk.name());
        uniques.forEach(u -> { if (u.name() != null) names.add(u.name()); });
        fks.forEach(f -> { if (f.name() != null) names.add(f.name()); });
        return names;
    }

    /** Whether the database keeps table and column comments. */
    protected boolean supportsComments() { return true; }

    /** Whether check constraints are read back; where not, they are not compared. */
    public boolean reflectsChecks() { return true; }

    /** Whether comments are compared: only where the database keeps them. */
    public boolean keepsComments() { return supportsComments(); }

    /**
     * True for a constraint name the database made up for a constraint declared without one ({@code CONSTRAINT_5A}
     * on H2, {@code t_pkey} on PostgreSQL, {@code PRIMARY} and {@code t_ibfk_1} on MySQL); such names are left out
     * when a dropped table is written back as source.
     */
    public boolean isGeneratedName(String table, String name) {
        if (name == null) return true;
        String t = java.util.regex.Pattern.quote(table);
        return name.matches("(?i)(CONSTRAINT_[0-9A-F]+|PRIMARY|sqlite_autoindex_.*|" + t + "_pkey|" + t + "_.*_(key|fkey)\\d*|"
                + t + "_ibfk_\\d+|" + t + "_chk_\\d+)");
    }

    /** An identifier as a model would write it: databases that fold unquoted names to upper case get them lower-cased. */
    protected String modelName(String name) { return name; }

    // ---- small readers ----------------------------------------------------------------------------

    protected static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    /**
     * Catalog queries on the connection, each row mapping lower-case column labels to values: what the readers that
     * ask catalog views (Oracle, SQL Server) read the whole schema through, as rendering reads one table.
     */
    protected static CatalogQuery catalogQuery(Connection c) {
        return (sql, parameters) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int p = 0; p < parameters.length; p++) ps.setObject(p + 1, parameters[p]);
                try (ResultSet rs = ps.executeQuery()) {
                    java.sql.ResultSetMetaData md = rs.getMetaData();
                    List<Map<String, Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                        rows.add(row);
                    }
                    return rows;
                }
            } catch (SQLException e) {
                throw new DatabaseException("cannot read the database schema: " + e.getMessage(), e);
            }
        };
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
