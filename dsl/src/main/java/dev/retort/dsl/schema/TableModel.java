package dev.retort.dsl.schema;

import dev.retort.dsl.dialect.NamedConstraint;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.AlterColumn;
import dev.retort.dsl.op.ConstraintType;
import dev.retort.dsl.op.CreateIndex;
import dev.retort.dsl.op.CreateTable;
import dev.retort.dsl.type.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One table: as a script declares it, as the offline tracker follows it, or as a database's reader reads it. Autogen,
 * the test kit and squash compare tables; MySQL's {@code MODIFY} and SQLite's rebuild restate them; both read this.
 *
 * <p>The components hold the table <em>as defined</em>: a key, unique or reference declared on a column stays on it,
 * and indexes keep their {@code WHERE}, so that a rebuild writes the table back as it was. Read from a live database
 * for rendering, types are {@code sqlType('…')} and defaults {@code sqlExpr('…')} in the database's own spelling.
 *
 * <p>{@link #columns()}, {@link #primaryKey()}, {@link #uniques()}, {@link #foreignKeys()}, {@link #checks()} and
 * {@link #indexes()} give the normalised view comparisons want: columns carry only their own facts (a key column is
 * NOT NULL), and keys, uniques and references are constraints, those declared on a column first.
 *
 * <p>The {@code with…} methods give the table after one change, so the offline tracker and the SQLite rebuild share
 * one notion of what each operation does.
 */
public record TableModel(String schema, String name, List<Column> definedColumns, List<TableConstraint> definedConstraints,
                         List<CreateIndex> definedIndexes, String comment) {

    public TableModel {
        definedColumns = List.copyOf(definedColumns);
        definedConstraints = List.copyOf(definedConstraints);
        definedIndexes = List.copyOf(definedIndexes);
    }

    /** A table already in normalised form, as the catalog-view readers (Oracle, SQL Server) and autogen's filters build it. */
    public TableModel(String name, List<Column> columns, TableConstraint.PrimaryKey primaryKey, List<TableConstraint.Unique> uniques,
                      List<TableConstraint.ForeignKey> foreignKeys, List<TableConstraint.Check> checks, List<IndexDef> indexes,
                      String comment) {
        this(null, name, columns, normalisedConstraints(primaryKey, uniques, foreignKeys, checks),
                indexes.stream().map(i -> CreateIndex.of(null, i.name(), name, i.columns()).withUnique(i.unique())).toList(), comment);
    }

    /** The table a {@code createTable} makes, its inline indexes as index statements. */
    public static TableModel of(CreateTable ct) {
        List<CreateIndex> ix = new ArrayList<>();
        for (IndexDef i : ct.indexes()) ix.add(CreateIndex.of(ct.schema(), i.name(), ct.name(), i.columns()).withUnique(i.unique()));
        return new TableModel(ct.schema(), ct.name(), ct.columns(), ct.constraints(), ix, ct.comment());
    }

    /** The table as a {@code createTable} without indexes, keys where they were declared. */
    public CreateTable definition() {
        return new CreateTable(schema, name, definedColumns, definedConstraints, List.of(), false, comment);
    }

    // ---- the normalised view ----------------------------------------------------------------------

    /** The columns with only their own facts: no inline key, unique or reference, and a key column NOT NULL. */
    public List<Column> columns() {
        List<String> keyColumns = primaryKey() == null ? List.of() : primaryKey().columns();
        return definedColumns.stream().map(c -> {
            boolean inKey = c.primaryKey() || keyColumns.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()));
            return c.withPrimaryKey(false).withUnique(false).withReferences(null).withNullable(c.nullable() && !inKey);
        }).toList();
    }

    /** The column of the normalised view by name, ignoring case (unquoted names fold differently per database). */
    public Optional<Column> column(String columnName) {
        return columns().stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** The primary key, declared on its columns or on the table; null when there is none. */
    public TableConstraint.PrimaryKey primaryKey() {
        List<String> cols = new ArrayList<>();
        String keyName = null;
        for (Column c : definedColumns) if (c.primaryKey()) cols.add(c.name());
        for (TableConstraint tc : definedConstraints)
            if (tc instanceof TableConstraint.PrimaryKey p) { cols.addAll(p.columns()); keyName = p.name(); }
        return cols.isEmpty() ? null : new TableConstraint.PrimaryKey(keyName, cols);
    }

    public List<TableConstraint.Unique> uniques() {
        List<TableConstraint.Unique> out = new ArrayList<>();
        for (Column c : definedColumns) if (c.unique()) out.add(new TableConstraint.Unique(null, List.of(c.name())));
        for (TableConstraint tc : definedConstraints) if (tc instanceof TableConstraint.Unique u) out.add(u);
        return out;
    }

    public List<TableConstraint.ForeignKey> foreignKeys() {
        List<TableConstraint.ForeignKey> out = new ArrayList<>();
        for (Column c : definedColumns)
            if (c.references() != null) out.add(new TableConstraint.ForeignKey(null, List.of(c.name()), c.references().table(),
                    List.of(c.references().column()), c.references().onDelete(), c.references().onUpdate()));
        for (TableConstraint tc : definedConstraints) if (tc instanceof TableConstraint.ForeignKey f) out.add(f);
        return out;
    }

    public List<TableConstraint.Check> checks() {
        List<TableConstraint.Check> out = new ArrayList<>();
        for (TableConstraint tc : definedConstraints) if (tc instanceof TableConstraint.Check ch) out.add(ch);
        return out;
    }

    /** Its indexes as {@code createTable} declares them: name, columns, uniqueness. */
    public List<IndexDef> indexes() {
        return definedIndexes.stream().map(i -> new IndexDef(i.name(), i.columns(), i.unique())).toList();
    }

    private static List<TableConstraint> normalisedConstraints(TableConstraint.PrimaryKey pk, List<TableConstraint.Unique> uniques,
                                                               List<TableConstraint.ForeignKey> fks, List<TableConstraint.Check> checks) {
        List<TableConstraint> out = new ArrayList<>();
        if (pk != null) out.add(pk);
        out.addAll(uniques);
        out.addAll(fks);
        out.addAll(checks);
        return out;
    }

    /** Lower-cased, for matching names whatever case the database folded them to. */
    public static String key(String name) { return name.toLowerCase(Locale.ROOT); }

    // ---- the table after one change ---------------------------------------------------------------

    /** The column as defined (an inline key still on it), by name ignoring case. */
    public Optional<Column> definedColumn(String columnName) {
        return definedColumns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public TableModel renamed(String newName) {
        List<CreateIndex> ix = definedIndexes.stream().map(i -> i.withTable(newName).asDeclared()).toList();
        return new TableModel(schema, newName, definedColumns, definedConstraints, ix, comment);
    }

    public TableModel withColumn(Column c) {
        List<Column> cols = new ArrayList<>(definedColumns);
        cols.add(c);
        return with(cols, definedConstraints, definedIndexes);
    }

    /** Without the column, and, as PostgreSQL does, without the indexes and constraints that use it. */
    public TableModel withoutColumn(String column) {
        List<Column> cols = definedColumns.stream().filter(c -> !c.name().equalsIgnoreCase(column)).toList();
        List<TableConstraint> cons = definedConstraints.stream().filter(tc -> !columnsOf(tc).stream().anyMatch(column::equalsIgnoreCase)).toList();
        List<CreateIndex> ix = definedIndexes.stream().filter(i -> i.columns().stream().noneMatch(column::equalsIgnoreCase)).toList();
        return with(cols, cons, ix);
    }

    /** The column after an {@code alterColumn}: each stated change applied, everything else kept. */
    public TableModel withColumnAltered(AlterColumn o) {
        Column old = definedColumn(o.name()).orElseThrow(() -> new RenderException(o.describe() + ": table '" + name
                + "' has no column '" + o.name() + "'"));
        Column altered = old.withName(o.finalName())
                .withType(o.type() != null ? o.type() : old.type())
                .withNullable(o.nullable() != null ? o.nullable() : old.nullable())
                .withDefault(o.defaultChanged() ? o.newDefault() : old.defaultValue())
                .withComment(o.commentChanged() ? o.comment() : old.comment());
        List<Column> cols = definedColumns.stream().map(c -> c == old ? altered : c).toList();
        TableModel t = with(cols, definedConstraints, definedIndexes);
        return o.newName() == null ? t : t.withColumnRenamed(o.name(), o.newName());
    }

    public TableModel withColumnRenamed(String from, String to) {
        List<Column> cols = definedColumns.stream().map(c -> c.name().equalsIgnoreCase(from) ? c.withName(to) : c).toList();
        List<TableConstraint> cons = definedConstraints.stream().map(tc -> renameIn(tc, from, to)).toList();
        List<CreateIndex> ix = definedIndexes.stream().map(i -> i.withColumns(rename(i.columns(), from, to)).asDeclared()).toList();
        return with(cols, cons, ix);
    }

    public TableModel withConstraint(TableConstraint tc) {
        if (tc instanceof TableConstraint.PrimaryKey && primaryKey() != null)
            throw new RenderException("table '" + name + "' has a primary key already; drop it first");
        List<TableConstraint> cons = new ArrayList<>(definedConstraints);
        cons.add(tc);
        return with(definedColumns, cons, definedIndexes);
    }

    /**
     * Without the named constraint. A primary key declared on its columns has no name here, so dropping a
     * constraint of type {@code primary} removes whichever primary key the table has.
     */
    public TableModel withoutConstraint(String constraint, ConstraintType type) {
        boolean found = definedConstraints.stream().anyMatch(tc -> constraint.equalsIgnoreCase(tc.name()));
        List<TableConstraint> cons = definedConstraints.stream().filter(tc -> !constraint.equalsIgnoreCase(tc.name())).toList();
        List<Column> cols = definedColumns;
        if (!found && (type == ConstraintType.PRIMARY || type == null) && definedColumns.stream().anyMatch(Column::primaryKey)) {
            cols = definedColumns.stream().map(c -> c.primaryKey() ? c.withPrimaryKey(false).withAutoIncrement(false) : c).toList();
            found = true;
        }
        if (!found) throw new RenderException("table '" + name + "' has no constraint named '" + constraint + "'");
        return with(cols, cons, definedIndexes);
    }

    /** Its keys, uniques, foreign keys and checks, those declared on a column included (without a name). */
    public List<NamedConstraint> namedConstraints() {
        List<NamedConstraint> out = new ArrayList<>();
        for (Column c : definedColumns) {
            if (c.unique()) out.add(new NamedConstraint(null, ConstraintType.UNIQUE, List.of(c.name())));
            if (c.references() != null) out.add(new NamedConstraint(null, ConstraintType.FOREIGN_KEY, List.of(c.name())));
        }
        List<String> keyColumns = definedColumns.stream().filter(Column::primaryKey).map(Column::name).toList();
        if (!keyColumns.isEmpty()) out.add(new NamedConstraint(null, ConstraintType.PRIMARY, keyColumns));
        for (TableConstraint tc : definedConstraints) out.add(new NamedConstraint(tc.name(), typeOf(tc), columnsOf(tc)));
        return out;
    }

    /** Without the foreign key or unique constraint on exactly those columns, declared on the table or on the column. */
    public TableModel withoutConstraintOn(ConstraintType type, List<String> cols) {
        List<TableConstraint> cons = definedConstraints.stream()
                .filter(tc -> !new NamedConstraint(tc.name(), typeOf(tc), columnsOf(tc)).isOn(type, cols)).toList();
        List<Column> columns = definedColumns.stream().map(c -> {
            if (cols.size() != 1 || !c.name().equalsIgnoreCase(cols.get(0))) return c;
            return type == ConstraintType.FOREIGN_KEY ? c.withReferences(null) : type == ConstraintType.UNIQUE ? c.withUnique(false) : c;
        }).toList();
        return with(columns, cons, definedIndexes);
    }

    public TableModel withIndex(CreateIndex i) {
        List<CreateIndex> ix = new ArrayList<>(definedIndexes);
        ix.add(i);
        return with(definedColumns, definedConstraints, ix);
    }

    public TableModel withoutIndex(String index) {
        return with(definedColumns, definedConstraints, definedIndexes.stream().filter(i -> !i.name().equalsIgnoreCase(index)).toList());
    }

    public boolean hasIndex(String index) { return definedIndexes.stream().anyMatch(i -> i.name().equalsIgnoreCase(index)); }

    /** True when a constraint or an index uses the column, so dropping it natively might fail. */
    public boolean columnIsReferenced(String column) {
        Column c = definedColumn(column).orElse(null);
        if (c != null && (c.primaryKey() || c.unique() || c.references() != null)) return true;
        return definedConstraints.stream().anyMatch(tc -> columnsOf(tc).stream().anyMatch(column::equalsIgnoreCase)
                || tc instanceof TableConstraint.Check ch && ch.sql().toLowerCase().contains(column.toLowerCase()))
                || definedIndexes.stream().anyMatch(i -> i.columns().stream().anyMatch(column::equalsIgnoreCase)
                || i.where() != null && i.where().toLowerCase().contains(column.toLowerCase()));
    }

    private TableModel with(List<Column> cols, List<TableConstraint> cons, List<CreateIndex> ix) {
        return new TableModel(schema, name, cols, cons, ix, comment);
    }

    private static ConstraintType typeOf(TableConstraint tc) {
        return tc instanceof TableConstraint.PrimaryKey ? ConstraintType.PRIMARY : tc instanceof TableConstraint.Unique ? ConstraintType.UNIQUE
                : tc instanceof TableConstraint.ForeignKey ? ConstraintType.FOREIGN_KEY : ConstraintType.CHECK;
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

    /** A column built from catalog rows, type and default in the database's own spelling. */
    public static Column readColumn(String name, String typeSql, boolean nullable, String defaultSql, boolean autoIncrement, String comment) {
        return Column.of(name, ColumnType.sql(typeSql)).withNullable(nullable).withAutoIncrement(autoIncrement)
                .withDefault(defaultSql == null ? null : new ColumnDefault.Expression(defaultSql)).withComment(comment);
    }
}
