package dev.retort.internal.database.oracle;

import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.NamedConstraint;
import dev.retort.dsl.op.ConstraintType;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Oracle: reads the current schema from the data dictionary views ({@code ALL_TABLES}, {@code ALL_TAB_COLUMNS},
 * {@code ALL_CONSTRAINTS}, {@code ALL_CONS_COLUMNS}, {@code ALL_INDEXES}, {@code ALL_IND_COLUMNS}, the comment views;
 * docs.oracle.com/en/database/oracle/oracle-database/19/refrn/), which say more than JDBC metadata: constraint
 * kinds, check conditions, which index carries a constraint. Names Oracle folded to upper case come back in lower case.
 * Checked against tables shaped like those views, not against a live Oracle server.
 */
public final class OracleReflector extends SchemaReflector {

    public OracleReflector(Dialect dialect) { super(dialect); }

    @Override public SchemaModel reflect(Connection c, Set<String> ignored) {
        CatalogQuery q = catalogQuery(c);
        try {
            String owner = c.getSchema();
            Set<String> skip = ignored.stream().map(TableModel::key).collect(Collectors.toSet());
            List<TableModel> tables = new ArrayList<>();
            for (Map<String, Object> t : q.rows("SELECT t.table_name, tc.comments FROM all_tables t LEFT JOIN all_tab_comments tc "
                    + "ON tc.owner = t.owner AND tc.table_name = t.table_name WHERE t.owner = ? AND t.dropped = 'NO' "
                    + "ORDER BY t.table_name", owner)) {
                String table = text(t, "table_name");
                if (skip.contains(TableModel.key(modelName(table)))) continue;
                tables.add(table(q, owner, table, blankToNull(text(t, "comments"))));
            }
            return new SchemaModel(tables);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the database schema: " + e.getMessage(), e);
        }
    }

    private TableModel table(CatalogQuery q, String owner, String table, String comment) {
        List<Column> columns = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT col.column_name, col.data_type, col.data_length, col.data_precision, "
                + "col.data_scale, col.char_length, col.char_used, col.nullable, col.data_default, col.identity_column, cc.comments "
                + "FROM all_tab_columns col LEFT JOIN all_col_comments cc ON cc.owner = col.owner AND cc.table_name = col.table_name "
                + "AND cc.column_name = col.column_name WHERE col.owner = ? AND col.table_name = ? ORDER BY col.column_id", owner, table)) {
            boolean identity = "YES".equals(text(r, "identity_column"));
            String def = r.get("data_default") == null ? null : text(r, "data_default").strip();
            columns.add(new Column(modelName(text(r, "column_name")), types().resolve(nativeType(r)), "Y".equals(text(r, "nullable")),
                    false, identity, false, identity ? null : parseDefault(def), null, blankToNull(text(r, "comments"))));
        }

        Map<String, List<String>> consColumns = new LinkedHashMap<>();
        for (Map<String, Object> r : q.rows("SELECT constraint_name, column_name FROM all_cons_columns WHERE owner = ? AND table_name = ? "
                + "ORDER BY constraint_name, position", owner, table))
            consColumns.computeIfAbsent(text(r, "constraint_name"), k -> new ArrayList<>()).add(modelName(text(r, "column_name")));

        TableConstraint.PrimaryKey pk = null;
        List<TableConstraint.Unique> uniques = new ArrayList<>();
        List<TableConstraint.ForeignKey> fks = new ArrayList<>();
        List<TableConstraint.Check> checks = new ArrayList<>();
        Set<String> constraintIndexes = new HashSet<>();
        for (Map<String, Object> r : q.rows("SELECT constraint_name, constraint_type, search_condition, r_owner, r_constraint_name, "
                + "delete_rule, generated, index_name FROM all_constraints WHERE owner = ? AND table_name = ? ORDER BY constraint_name", owner, table)) {
            String raw = text(r, "constraint_name");
            // SYS_C… is the name Oracle gives a constraint declared without one (NOT NULL columns among them).
            String name = "GENERATED NAME".equals(text(r, "generated")) ? null : modelName(raw);
            List<String> cols = consColumns.getOrDefault(raw, List.of());
            if (r.get("index_name") != null) constraintIndexes.add(TableModel.key(modelName(text(r, "index_name"))));
            constraintIndexes.add(TableModel.key(modelName(raw)));
            switch (text(r, "constraint_type")) {
                case "P" -> pk = new TableConstraint.PrimaryKey(name, cols);
                case "U" -> uniques.add(new TableConstraint.Unique(name, cols));
                case "R" -> fks.add(foreignKey(q, name, cols, text(r, "r_owner"), text(r, "r_constraint_name"), text(r, "delete_rule")));
                case "C" -> { if (name != null) checks.add(new TableConstraint.Check(name, text(r, "search_condition"))); }
                default -> { } // V (view check option), O (read only) and the like belong to views
            }
        }

        Map<String, IndexDef> indexes = new LinkedHashMap<>();
        for (Map<String, Object> r : q.rows("SELECT ix.index_name, ix.uniqueness, ic.column_name FROM all_indexes ix "
                + "JOIN all_ind_columns ic ON ic.index_owner = ix.owner AND ic.index_name = ix.index_name "
                + "WHERE ix.table_owner = ? AND ix.table_name = ? AND ix.index_type <> 'LOB' ORDER BY ix.index_name, ic.column_position", owner, table)) {
            String name = modelName(text(r, "index_name"));
            if (constraintIndexes.contains(TableModel.key(name))) continue;
            IndexDef before = indexes.get(name);
            List<String> cols = new ArrayList<>(before == null ? List.of() : before.columns());
            cols.add(modelName(text(r, "column_name")));
            indexes.put(name, new IndexDef(name, cols, "UNIQUE".equals(text(r, "uniqueness"))));
        }
        return new TableModel(modelName(table), columns, pk, uniques, fks, checks, List.copyOf(indexes.values()), comment);
    }

    /** The referenced side of a foreign key is the primary or unique key it points at. */
    private TableConstraint.ForeignKey foreignKey(CatalogQuery q, String name, List<String> cols, String refOwner, String refConstraint,
                                                  String deleteRule) {
        String refTable = null;
        List<String> refCols = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT table_name, column_name FROM all_cons_columns WHERE owner = ? AND constraint_name = ? "
                + "ORDER BY position", refOwner, refConstraint)) {
            refTable = modelName(text(r, "table_name"));
            refCols.add(modelName(text(r, "column_name")));
        }
        // Oracle knows ON DELETE CASCADE and SET NULL, and no ON UPDATE at all.
        String onDelete = deleteRule == null || deleteRule.equals("NO ACTION") ? null : deleteRule;
        return new TableConstraint.ForeignKey(name, cols, refTable, refCols, onDelete, null);
    }

    /** The column's type as Oracle's DDL writes it: {@code VARCHAR2(100 CHAR)}, {@code NUMBER(10)}, {@code RAW(16)}. */
    private static String nativeType(Map<String, Object> r) {
        String type = text(r, "data_type");
        return switch (type) {
            case "VARCHAR2", "NVARCHAR2", "CHAR", "NCHAR" ->
                    type + "(" + number(r, "char_length") + ("B".equals(text(r, "char_used")) ? " BYTE" : " CHAR") + ")";
            case "NUMBER" -> r.get("data_precision") == null ? "NUMBER"
                    : number(r, "data_scale") == 0 ? "NUMBER(" + number(r, "data_precision") + ")"
                    : "NUMBER(" + number(r, "data_precision") + ", " + number(r, "data_scale") + ")";
            case "RAW" -> "RAW(" + number(r, "data_length") + ")";
            // TIMESTAMP(6) is TIMESTAMP: six digits of fractions are the default.
            default -> type.replace("(6)", "");
        };
    }

    /** Oracle keeps its catalog in ALL_CONSTRAINTS, not information_schema. */
    @Override public Optional<List<NamedConstraint>> constraints(CatalogQuery catalog, String schemaName, String tableName) {
        List<Map<String, Object>> rows = catalog.rows("SELECT c.constraint_name AS name, c.constraint_type AS kind, cc.column_name AS col "
                + "FROM all_constraints c LEFT JOIN all_cons_columns cc ON cc.owner = c.owner AND cc.constraint_name = c.constraint_name "
                + "WHERE c.owner = COALESCE(?, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')) AND c.table_name = UPPER(?) "
                + "AND c.constraint_type IN ('P', 'U', 'R', 'C') ORDER BY c.constraint_name, cc.position", schemaName, tableName);
        if (rows.isEmpty()) return Optional.empty();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, ConstraintType> types = new java.util.HashMap<>();
        for (Map<String, Object> r : rows) {
            String n = (String) r.get("name");
            types.put(n, switch (String.valueOf(r.get("kind"))) {
                case "P" -> ConstraintType.PRIMARY;
                case "U" -> ConstraintType.UNIQUE;
                case "R" -> ConstraintType.FOREIGN_KEY;
                default -> ConstraintType.CHECK;
            });
            List<String> cols = columns.computeIfAbsent(n, k -> new ArrayList<>());
            if (r.get("col") != null) cols.add((String) r.get("col"));
        }
        return Optional.of(columns.entrySet().stream().map(e -> new NamedConstraint(e.getKey(), types.get(e.getKey()), e.getValue())).toList());
    }

    /** Oracle folds unquoted names to upper case; a model writes them in lower case. */
    @Override protected String modelName(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }

    @Override public boolean isGeneratedName(String table, String name) {
        return name == null || name.matches("(?i)SYS_C\\d+") || super.isGeneratedName(table, name);
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    private static int number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).intValue();
    }
}
