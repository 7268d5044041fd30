package dev.retort.dsl.dialect;

import dev.retort.dsl.op.AlterColumn;
import dev.retort.dsl.op.ConstraintType;
import dev.retort.dsl.op.CreateIndex;
import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table as it exists now: its definition (a {@link CreateTable} without indexes) and its indexes. Read from a
 * live database, types are {@code sqlType('…')} and defaults {@code sqlExpr('…')} in the database's own spelling;
 * tracked offline, they are the types the script declared. The {@code with…} methods give the table after one
 * change, so the offline tracker and the SQLite rebuild share one notion of what each operation does.
 */
public record ExistingTable(CreateTable definition, List<CreateIndex> indexes) {
    public ExistingTable {
        indexes = List.copyOf(indexes);
        if (!definition.indexes().isEmpty()) throw new IllegalArgumentException("indexes belong in ExistingTable.indexes");
    }

    /** The table a {@code createTable} makes, its inline indexes moved to {@link #indexes}. */
    public static ExistingTable of(CreateTable ct) {
        List<CreateIndex> ix = new ArrayList<>();
        for (IndexDef i : ct.indexes()) ix.add(CreateIndex.of(ct.schema(), i.name(), ct.name(), i.columns()).withUnique(i.unique()));
        return new ExistingTable(define(ct, ct.name(), ct.columns(), ct.constraints()), ix);
    }

    public String name() { return definition.name(); }
    public List<Column> columns() { return definition.columns(); }
    public List<TableConstraint> constraints() { return definition.constraints(); }

    public Optional<Column> column(String name) {
        return columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    public ExistingTable renamed(String newName) {
        List<CreateIndex> ix = indexes.stream().map(i -> i.withTable(newName).asDeclared()).toList();
        return new ExistingTable(define(definition, newName, columns(), constraints()), ix);
    }

    public ExistingTable withColumn(Column c) {
        List<Column> cols = new ArrayList<>(columns());
        cols.add(c);
        return new ExistingTable(define(definition, name(), cols, constraints()), indexes);
    }

    /** Without the column, and, as PostgreSQL does, without the indexes and constraints that use it. */
    public ExistingTable withoutColumn(String column) {
        List<Column> cols = columns().stream().filter(c -> !c.name().equalsIgnoreCase(column)).toList();
        List<TableConstraint> cons = constraints().stream().filter(tc -> !columnsOf(tc).stream().anyMatch(column::equalsIgnoreCase)).toList();
        List<CreateIndex> ix = indexes.stream().filter(i -> i.columns().stream().noneMatch(column::equalsIgnoreCase)).toList();
        return new ExistingTable(define(definition, name(), cols, cons), ix);
    }

    /** The column after an {@code alterColumn}: each stated change applied, everything else kept. */
    public ExistingTable withColumnAltered(AlterColumn o) {
        Column old = column(o.name()).orElseThrow(() -> new RenderException(o.describe() + ": table '" + name()
                + "' has no column '" + o.name() + "'"));
        Column altered = old.withName(o.finalName())
                .withType(o.type() != null ? o.type() : old.type())
                .withNullable(o.nullable() != null ? o.nullable() : old.nullable())
                .withDefault(o.defaultChanged() ? o.newDefault() : old.defaultValue())
                .withComment(o.commentChanged() ? o.comment() : old.comment());
        List<Column> cols = columns().stream().map(c -> c == old ? altered : c).toList();
        ExistingTable t = new ExistingTable(define(definition, name(), cols, constraints()), indexes);
        return o.newName() == null ? t : t.withColumnRenamed(o.name(), o.newName());
    }

    public ExistingTable withColumnRenamed(String from, String to) {
        List<Column> cols = columns().stream().map(c -> c.name().equalsIgnoreCase(from) ? c.withName(to) : c).toList();
        List<TableConstraint> cons = constraints().stream().map(tc -> renameIn(tc, from, to)).toList();
        List<CreateIndex> ix = indexes.stream().map(i -> i.withColumns(rename(i.columns(), from, to)).asDeclared()).toList();
        return new ExistingTable(define(definition, name(), cols, cons), ix);
    }

    public ExistingTable withConstraint(TableConstraint tc) {
        if (tc instanceof TableConstraint.PrimaryKey && hasPrimaryKey())
            throw new RenderException("table '" + name() + "' has a primary key already; drop it first");
        List<TableConstraint> cons = new ArrayList<>(constraints());
        cons.add(tc);
        return new ExistingTable(define(definition, name(), columns(), cons), indexes);
    }

    /**
     * Without the named constraint. A primary key declared on its columns has no name here, so dropping a
     * constraint of type {@code primary} removes whichever primary key the table has.
     */
    public ExistingTable withoutConstraint(String constraint, ConstraintType type) {
        boolean found = constraints().stream().anyMatch(tc -> constraint.equalsIgnoreCase(tc.name()));
        List<TableConstraint> cons = constraints().stream().filter(tc -> !constraint.equalsIgnoreCase(tc.name())).toList();
        List<Column> cols = columns();
        if (!found && (type == ConstraintType.PRIMARY || type == null) && columns().stream().anyMatch(Column::primaryKey)) {
            cols = columns().stream().map(c -> c.primaryKey() ? c.withPrimaryKey(false).withAutoIncrement(false) : c).toList();
            found = true;
        }
        if (!found) throw new RenderException("table '" + name() + "' has no constraint named '" + constraint + "'");
        return new ExistingTable(define(definition, name(), cols, cons), indexes);
    }

    public ExistingTable withIndex(CreateIndex i) {
        List<CreateIndex> ix = new ArrayList<>(indexes);
        ix.add(i);
        return new ExistingTable(definition, ix);
    }

    public ExistingTable withoutIndex(String index) {
        return new ExistingTable(definition, indexes.stream().filter(i -> !i.name().equalsIgnoreCase(index)).toList());
    }

    public boolean hasIndex(String index) { return indexes.stream().anyMatch(i -> i.name().equalsIgnoreCase(index)); }

    boolean hasPrimaryKey() {
        return columns().stream().anyMatch(Column::primaryKey) || constraints().stream().anyMatch(tc -> tc instanceof TableConstraint.PrimaryKey);
    }

    /** True when a constraint or an index uses the column, so dropping it natively might fail. */
    public boolean columnIsReferenced(String column) {
        Column c = column(column).orElse(null);
        if (c != null && (c.primaryKey() || c.unique() || c.references() != null)) return true;
        return constraints().stream().anyMatch(tc -> columnsOf(tc).stream().anyMatch(column::equalsIgnoreCase)
                || tc instanceof TableConstraint.Check ch && ch.sql().toLowerCase().contains(column.toLowerCase()))
                || indexes.stream().anyMatch(i -> i.columns().stream().anyMatch(column::equalsIgnoreCase)
                || i.where() != null && i.where().toLowerCase().contains(column.toLowerCase()));
    }

    private static List<String> columnsOf(TableConstraint tc) {
        if (tc instanceof TableConstraint.PrimaryKey p) return p.columns();
        if (tc instanceof TableConstraint.Unique u) return u.columns();
        if (tc instanceof TableConstraint.ForeignKey f) return f.columns();
        return List.of();
    }

    private static TableConstraint renameIn(TableConstraint tc, String from, String to) {
        if (tc instanceof TableConstraint.PrimaryKey p) return new TableConstraint.PrimaryKey(p.name(), rename(p.columns(), from, to));
        if (tc instanceof TableConstraint.Unique u) return new TableConstraint.Unique(u.name(), rename(u.columns(), from, to));
        if (tc instanceof TableConstraint.ForeignKey f) return new TableConstraint.ForeignKey(f.name(), rename(f.columns(), from, to),
                f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate());
        return tc; // a CHECK's SQL text is the database's business; SQLite's RENAME COLUMN rewrites it
    }

    private static List<String> rename(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equalsIgnoreCase(from) ? to : n).toList();
    }

    private static CreateTable define(CreateTable base, String name, List<Column> cols, List<TableConstraint> cons) {
        return new CreateTable(base.schema(), name, cols, cons, List.of(), false, base.comment());
    }

    /** Used by readers that build a column from catalog rows. */
    public static Column column(String name, String typeSql, boolean nullable, String defaultSql, boolean autoIncrement, String comment) {
        return Column.of(name, ColumnType.sql(typeSql)).withNullable(nullable).withAutoIncrement(autoIncrement)
                .withDefault(defaultSql == null ? null : new ColumnDefault.Expression(defaultSql)).withComment(comment);
    }
}
