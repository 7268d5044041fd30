package dev.retort.dsl.groovy;

import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ForeignKeyRef;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The inside of {@code createTable('t') { … }}: records columns, constraints and indexes. */
public final class TableBuilder extends TypeVocabulary {
    static final Set<String> COLUMN_OPTIONS = Set.of("primaryKey", "autoIncrement", "nullable", "unique", "default",
            "references", "onDelete", "onUpdate", "comment");

    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private final List<TableConstraint> constraints = new ArrayList<>();
    private final List<IndexDef> indexes = new ArrayList<>();

    TableBuilder(String table) { this.table = table; }

    public void column(Map<String, ?> options, String name, Object type) { columns.add(columnOf(table, options, name, type)); }
    public void column(String name, Object type) { column(Map.of(), name, type); }

    public void primaryKey(List<String> columnNames) { constraints.add(new TableConstraint.PrimaryKey(null, columnNames)); }
    public void primaryKey(String name, List<String> columnNames) { constraints.add(new TableConstraint.PrimaryKey(name, columnNames)); }

    public void unique(List<String> columnNames) { constraints.add(new TableConstraint.Unique(null, columnNames)); }
    public void unique(String name, List<String> columnNames) { constraints.add(new TableConstraint.Unique(name, columnNames)); }

    public void foreignKey(Map<String, ?> options, String name, List<String> cols, String refTable, List<String> refCols) {
        NamedOptions o = new NamedOptions(options, "foreignKey", Set.of("onDelete", "onUpdate"));
        constraints.add(new TableConstraint.ForeignKey(name, cols, refTable, refCols, o.text("onDelete"), o.text("onUpdate")));
    }
    public void foreignKey(String name, List<String> cols, String refTable, List<String> refCols) { foreignKey(Map.of(), name, cols, refTable, refCols); }
    public void foreignKey(Map<String, ?> options, List<String> cols, String refTable, List<String> refCols) { foreignKey(options, null, cols, refTable, refCols); }
    public void foreignKey(List<String> cols, String refTable, List<String> refCols) { foreignKey(Map.of(), null, cols, refTable, refCols); }

    public void index(Map<String, ?> options, String name, List<String> columnNames) {
        NamedOptions o = new NamedOptions(options, "index", Set.of("unique"));
        indexes.add(new IndexDef(name, columnNames, o.flag("unique", false)));
    }
    public void index(String name, List<String> columnNames) { index(Map.of(), name, columnNames); }
    /** An index named by retort.ini's naming_convention: {@code index ['customer_id']}. */
    public void index(Map<String, ?> options, List<String> columnNames) { index(options, null, columnNames); }
    public void index(List<String> columnNames) { index(Map.of(), null, columnNames); }

    public void check(String name, String sql) { constraints.add(new TableConstraint.Check(name, sql)); }

    CreateTable build(String schema, boolean ifNotExists, String comment) {
        return new CreateTable(schema, table, columns, constraints, indexes, ifNotExists, comment);
    }

    /** One reading of the column options, shared by {@code column} and {@code addColumn}. */
    static Column columnOf(String table, Map<String, ?> options, String name, Object type) {
        return columnOf(table, new NamedOptions(options, "column '" + name + "'", COLUMN_OPTIONS), name, type);
    }

    static Column columnOf(String table, NamedOptions o, String name, Object type) {
        boolean primaryKey = o.flag("primaryKey", false);
        String ref = o.text("references");
        if (ref == null && (o.has("onDelete") || o.has("onUpdate")))
            throw new IllegalArgumentException("column '" + name + "': onDelete/onUpdate need references: 'table.column'");
        return Column.of(name, TypeArguments.toColumnType(type, "column '" + table + "." + name + "'"))
                .withNullable(o.flag("nullable", !primaryKey))
                .withPrimaryKey(primaryKey)
                .withAutoIncrement(o.flag("autoIncrement", false))
                .withUnique(o.flag("unique", false))
                .withDefault(o.columnDefault("default"))
                .withReferences(ref == null ? null : ForeignKeyRef.parse(ref, o.text("onDelete"), o.text("onUpdate")))
                .withComment(o.text("comment"));
    }
}
