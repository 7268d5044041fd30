package dev.retort.internal.database.sqlite;

import dev.retort.dsl.dialect.*;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.ForeignKeyRef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import dev.retort.dsl.type.ColumnType;
import dev.retort.dsl.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * SQLite 3.35 and later. What SQLite cannot ALTER (a column's type, nullability or default; adding or dropping a
 * constraint; adding a column it cannot add in place; dropping a column an index or constraint uses) becomes a table
 * rebuild, following sqlite.org/lang_altertable.html#otheralter: create the new table, copy the rows, drop the old,
 * rename the new, recreate the indexes, then verify foreign keys. The rebuild needs the table's current definition:
 * online it is read from the database (by the runtime's SQLite reader), offline it is known for tables the script created
 * ({@link OfflineSchema}); otherwise rendering fails and says so. A rebuild does not carry triggers over, and a
 * connection that enforces foreign keys ({@code foreign_keys=true}) would fire ON DELETE actions of child tables when
 * the old table is dropped, because the pragma cannot be switched off inside the migration's transaction.
 * SQLite keeps no comments, so comments render to nothing.
 */
public final class SqliteDialect extends StandardDialect {
    private static final Capabilities CAPABILITIES = Capabilities.ddlInTransaction("BEGIN")
            .withPartialIndexes(true).withIfExists(true);
    static final String REBUILD_PREFIX = "retort_new_";

    public SqliteDialect() {
        // Keywords SQLite does not accept as bare names: sqlite.org/lang_keywords.html
        super(Set.of("abort", "action", "after", "attach", "autoincrement", "before", "begin", "cascade", "cast", "collate",
                "commit", "conflict", "database", "deferrable", "deferred", "detach", "each", "escape", "exclusive",
                "explain", "fail", "glob", "if", "ignore", "immediate", "indexed", "initially", "instead", "isnull",
                "match", "notnull", "plan", "pragma", "query", "raise", "recursive", "regexp", "reindex", "release",
                "rename", "replace", "restrict", "rollback", "row", "savepoint", "temp", "temporary", "transaction",
                "trigger", "vacuum", "view", "virtual", "without"));
    }

    @Override public String name() { return "sqlite"; }
    @Override public String urlPrefix() { return "jdbc:sqlite:"; }
    @Override public Capabilities capabilities() { return CAPABILITIES; }

    // ---- types and columns ------------------------------------------------------------------------

    /** Declared types chosen for the affinity they give (sqlite.org/datatype3.html): JSON would get NUMERIC, so TEXT. */
    @Override protected String nativeType(ColumnType t) {
        return switch (t.kind()) {
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP_TZ -> "TIMESTAMP";
            case BINARY, BLOB -> "BLOB";
            case UUID -> "CHAR(36)";
            case JSON -> "TEXT";
            default -> super.nativeType(t);
        };
    }

    @Override protected String booleanLiteral(boolean value) { return value ? "1" : "0"; }

    /** An auto-increment key is SQLite's {@code INTEGER PRIMARY KEY AUTOINCREMENT}, declared on the column. */
    @Override protected boolean inlinePrimaryKey(CreateTable o) { return o.columns().stream().anyMatch(Column::autoIncrement); }

    /**
     * An auto-increment column whose key is a named table constraint ({@code primaryKey 'experiment_pk', ['id']}) is
     * declared {@code CONSTRAINT experiment_pk PRIMARY KEY AUTOINCREMENT} on the column: SQLite allows AUTOINCREMENT
     * nowhere else, and the name stays in the table's definition, where a rebuild reads it back.
     */
    @Override protected String columnDefinition(Column c, CreateTable table) {
        Optional<TableConstraint.PrimaryKey> key = autoIncrementKey(table).filter(k -> k.columns().get(0).equalsIgnoreCase(c.name()));
        if (key.isEmpty()) return columnDefinition(c);
        if (!isInteger(c.type()))
            throw new RenderException("column '" + c.name() + "': SQLite auto-increments only an integer primary key column");
        return quote(c.name()) + " INTEGER" + (key.get().name() == null ? "" : " CONSTRAINT " + quote(key.get().name()))
                + " PRIMARY KEY AUTOINCREMENT" + (c.nullable() ? "" : " NOT NULL");
    }

    @Override protected boolean declaredOnColumn(TableConstraint tc, CreateTable table) {
        return autoIncrementKey(table).map(k -> k == tc).orElse(false);
    }

    /** The table-level key on a single auto-increment column, which SQLite needs on the column itself. */
    private static Optional<TableConstraint.PrimaryKey> autoIncrementKey(CreateTable table) {
        return table.constraints().stream()
                .filter(tc -> tc instanceof TableConstraint.PrimaryKey p && p.columns().size() == 1
                        && table.columns().stream().anyMatch(c -> c.autoIncrement() && c.name().equalsIgnoreCase(p.columns().get(0))))
                .map(TableConstraint.PrimaryKey.class::cast).findFirst();
    }

    @Override protected String columnDefinition(Column c) {
        if (c.autoIncrement()) {
            if (!c.primaryKey() || !isInteger(c.type()))
                throw new RenderException("column '" + c.name() + "': SQLite auto-increments only an integer primary key column");
            return quote(c.name()) + " INTEGER PRIMARY KEY AUTOINCREMENT";
        }
        StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(typeSql(c.type()));
        if (c.defaultValue() != null) sb.append(" DEFAULT ").append(defaultSql(c.defaultValue()));
        if (!c.nullable()) sb.append(" NOT NULL");
        return sb.toString();
    }

    private static boolean isInteger(ColumnType t) {
        return switch (t.kind()) {
            case INTEGER, BIGINT, SMALLINT -> true;
            case RAW -> t.rawSql().toUpperCase().contains("INT");
            default -> false;
        };
    }

    @Override protected List<String> createTableComments(CreateTable o) { return List.of(); }
    @Override protected List<String> tableComment(TableComment o) { return List.of(); }

    // ---- which operations become a rebuild --------------------------------------------------------

    @Override protected List<String> addColumn(AddColumn o, SchemaLookup schema) {
        Column c = o.column();
        // ALTER TABLE ADD COLUMN cannot add a key, a UNIQUE column, a NOT NULL column without a default, or a
        // non-constant default (sqlite.org/lang_altertable.html#altertabaddcol).
        boolean inPlace = !c.primaryKey() && !c.unique() && (c.nullable() || c.defaultValue() != null)
                && !(c.defaultValue() instanceof ColumnDefault.CurrentTimestamp) && !(c.defaultValue() instanceof ColumnDefault.Expression);
        if (!inPlace) return rebuild(o.schema(), o.table(), o.describe(), schema, t -> t.withColumn(c));
        if (o.ifNotExists()) throw new RenderException(o.describe() + ": SQLite has no ADD COLUMN IF NOT EXISTS; remove ifNotExists");
        StringBuilder sb = new StringBuilder("ALTER TABLE " + table(o.schema(), o.table()) + " " + addColumnKeyword() + " " + columnDefinition(c));
        if (c.type().kind() == TypeKind.ENUM) sb.append(' ').append(enumCheck(c));
        // No ALTER TABLE ADD CONSTRAINT in SQLite: an added column's foreign key is declared on the column itself.
        ForeignKeyRef ref = c.references();
        if (ref != null) sb.append(' ').append(referencesClause(List.of(c.name()), ref.table(), List.of(ref.column()), ref.onDelete(), ref.onUpdate()));
        return List.of(sb.toString());
    }

    /** Dropped in place unless an index or a constraint uses the column, which SQLite's DROP COLUMN refuses. */
    @Override protected List<String> dropColumn(DropColumn o, SchemaLookup schema) {
        Optional<TableModel> t = schema.table(o.schema(), o.table());
        if (o.ifExists()) {
            if (t.isPresent() && t.get().definedColumn(o.name()).isEmpty()) return List.of();
            if (t.isEmpty()) throw new RenderException(o.describe() + ": SQLite has no DROP COLUMN IF EXISTS and the table is not known here");
        }
        if (t.isPresent() && t.get().columnIsReferenced(o.name()))
            return rebuild(o.schema(), o.table(), o.describe(), schema, x -> x.withoutColumn(o.name()));
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " DROP COLUMN " + quote(o.name()));
    }

    /** A rename is done in place; type, nullability and default changes rebuild the table; comments are dropped. */
    @Override protected List<String> alterColumn(AlterColumn o, SchemaLookup schema) {
        List<String> out = new ArrayList<>();
        if (o.type() != null || o.nullable() != null || o.defaultChanged()) {
            AlterColumn inPlace = o.withNewName(null).withCommentUnchanged();
            out.addAll(rebuild(o.schema(), o.table(), o.describe(), schema, t -> t.withColumnAltered(inPlace)));
        }
        if (o.newName() != null) out.addAll(renameColumn(new RenameColumn(o.schema(), o.table(), o.name(), o.newName())));
        return out;
    }

    @Override protected List<String> addTableConstraint(String schemaName, String tableName, TableConstraint tc, boolean notValid, SchemaLookup schema) {
        return rebuild(schemaName, tableName, "adding constraint " + (tc.name() == null ? "" : "'" + tc.name() + "' ") + "to '" + tableName + "'",
                schema, t -> t.withConstraint(tc));
    }

    /**
     * A rebuild without the constraint. One given by its columns needs no name here (the rebuild leaves it out of the
     * new table, named or not); with {@code ifExists} a constraint that is not there leaves the table as it is.
     */
    @Override protected List<String> dropConstraint(DropConstraint o, SchemaLookup schema) {
        if (o.ifExists() || o.byColumns()) {
            TableModel t = schema.table(o.schema(), o.table()).orElseThrow(() -> new RenderException(o.describe()
                    + ": SQLite drops a constraint by rebuilding the table, and table '" + o.table() + "' is not known here. Offline (--sql) "
                    + "only tables created earlier in the same script are known: run the migration online."));
            List<NamedConstraint> matching = t.namedConstraints().stream()
                    .filter(c -> o.byColumns() ? c.isOn(o.type(), o.columns()) : o.name().equalsIgnoreCase(c.name())
                            || o.type() == ConstraintType.PRIMARY && c.type() == ConstraintType.PRIMARY).toList();
            if (matching.isEmpty() && o.ifExists()) return List.of();
            if (o.byColumns()) {
                if (matching.size() != 1) located(o, schema); // fails with the same message as on every database
                return rebuild(o.schema(), o.table(), o.describe(), schema, x -> x.withoutConstraintOn(o.type(), o.columns()));
            }
        }
        return rebuild(o.schema(), o.table(), o.describe(), schema, t -> t.withoutConstraint(o.name(), o.type()));
    }

    // ---- the rebuild ------------------------------------------------------------------------------

    private List<String> rebuild(String schemaName, String tableName, String what, SchemaLookup schema, UnaryOperator<TableModel> change) {
        TableModel before = schema.table(schemaName, tableName).orElseThrow(() -> new RenderException(what
                + ": SQLite cannot ALTER this in place, so Retort rebuilds the table, which needs its current definition, and table '"
                + tableName + "' is not known here. Offline (--sql) only tables created earlier in the same script are known: "
                + "run the migration online, or render from a starting point that creates the table."));
        TableModel after = change.apply(before);
        String newTable = REBUILD_PREFIX + tableName;
        CreateTable def = after.definition();
        List<String> out = new ArrayList<>(createTable(new CreateTable(schemaName, newTable, def.columns(), def.constraints(),
                List.of(), false, null)));
        List<String> kept = after.definedColumns().stream().map(Column::name).filter(n -> before.definedColumn(n).isPresent()).toList();
        out.add("INSERT INTO " + table(schemaName, newTable) + " (" + columnList(kept) + ") SELECT " + columnList(kept)
                + " FROM " + table(schemaName, tableName));
        out.add("DROP TABLE " + table(schemaName, tableName));
        out.add("ALTER TABLE " + table(schemaName, newTable) + " RENAME TO " + quote(tableName));
        for (CreateIndex ix : after.definedIndexes())
            out.addAll(createIndex(CreateIndex.of(schemaName, ix.name(), tableName, ix.columns()).withUnique(ix.unique()).withWhere(ix.where())));
        boolean hasForeignKeys = def.constraints().stream().anyMatch(tc -> tc instanceof TableConstraint.ForeignKey)
                || def.columns().stream().anyMatch(c -> c.references() != null);
        if (hasForeignKeys) out.addAll(foreignKeyCheck(tableName));
        return out;
    }

    /**
     * Fails when the rebuilt table's rows break its foreign keys. {@code PRAGMA foreign_key_check} only reports, so its
     * count goes into a temporary table whose CHECK turns a violation into an error that stops the migration.
     */
    private List<String> foreignKeyCheck(String tableName) {
        return List.of(
                "CREATE TEMP TABLE retort_foreign_key_check (violations INTEGER CONSTRAINT "
                        + "foreign_keys_of_rebuilt_table_must_hold CHECK (violations = 0))",
                "INSERT INTO retort_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check(" + stringLiteral(tableName) + ")",
                "DROP TABLE temp.retort_foreign_key_check");
    }
}
