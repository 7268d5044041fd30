package dev.retort.dsl.schema;

import dev.retort.dsl.op.CreateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One table of a schema in a normalised form that a model and a live database can both be read into:
 * columns carry only their own facts, and keys, uniques and references live in the constraint lists.
 * Autogenerate compares two of these.
 */
public record TableModel(String name, List<Column> columns, TableConstraint.PrimaryKey primaryKey,
                         List<TableConstraint.Unique> uniques, List<TableConstraint.ForeignKey> foreignKeys,
                         List<TableConstraint.Check> checks, List<IndexDef> indexes, String comment) {

    public TableModel {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
    }

    /** The column by name, ignoring case (unquoted names fold differently per database). */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** Moves inline {@code primaryKey:}, {@code unique:} and {@code references:} into table-level constraints. */
    public static TableModel of(CreateTable table) {
        List<Column> columns = new ArrayList<>();
        List<String> pkColumns = new ArrayList<>();
        String pkName = null;
        List<TableConstraint.Unique> uniques = new ArrayList<>();
        List<TableConstraint.ForeignKey> fks = new ArrayList<>();
        List<TableConstraint.Check> checks = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.primaryKey()) pkColumns.add(c.name());
            if (c.unique()) uniques.add(new TableConstraint.Unique(null, List.of(c.name())));
            if (c.references() != null) fks.add(new TableConstraint.ForeignKey(null, List.of(c.name()),
                    c.references().table(), List.of(c.references().column()), c.references().onDelete(), c.references().onUpdate()));
            columns.add(plain(c, !c.nullable() || c.primaryKey()));
        }
        for (TableConstraint tc : table.constraints()) {
            if (tc instanceof TableConstraint.PrimaryKey p) { pkColumns.addAll(p.columns()); pkName = p.name(); }
            else if (tc instanceof TableConstraint.Unique u) uniques.add(u);
            else if (tc instanceof TableConstraint.ForeignKey f) fks.add(f);
            else if (tc instanceof TableConstraint.Check ch) checks.add(ch);
        }
        // A primary key column is NOT NULL whichever way the key was declared.
        List<Column> finalColumns = columns.stream()
                .map(c -> pkColumns.stream().anyMatch(p -> p.equalsIgnoreCase(c.name())) ? plain(c, true) : c).toList();
        return new TableModel(table.name(), finalColumns,
                pkColumns.isEmpty() ? null : new TableConstraint.PrimaryKey(pkName, pkColumns),
                uniques, fks, checks, table.indexes(), table.comment());
    }

    private static Column plain(Column c, boolean notNull) {
        return c.withPrimaryKey(false).withUnique(false).withReferences(null).withNullable(!notNull && c.nullable());
    }

    /** Lower-cased, for matching names whatever case the database folded them to. */
    public static String key(String name) { return name.toLowerCase(Locale.ROOT); }
}
