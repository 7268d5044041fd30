package dev.retort.dsl.dialect;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.type.ColumnType;
import dev.retort.dsl.type.TypeKind;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL that most databases share. A dialect extends this and overrides only what its database
 * spells differently: a type, a clause, or which statements an operation becomes.
 */
public abstract class StandardDialect implements Dialect {

    private final Set<String> reserved;

    protected StandardDialect(Set<String> extraReservedWords) {
        Set<String> words = new HashSet<>(Identifiers.COMMON_RESERVED);
        words.addAll(extraReservedWords);
        this.reserved = Set.copyOf(words);
    }

    // ---- identifiers, literals, types -------------------------------------------------------------

    @Override public String quote(String identifier) {
        return Identifiers.needsQuotes(identifier, reserved) ? quoteAlways(identifier) : identifier;
    }

    /** The identifier in this database's quotes, with embedded quote characters doubled. */
    protected String quoteAlways(String identifier) { return '"' + identifier.replace("\"", "\"\"") + '"'; }

    protected String table(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** A possibly schema-qualified name such as {@code sales.orders}, each part quoted as needed. */
    protected String qualified(String dotted) {
        return java.util.Arrays.stream(dotted.split("\\.")).map(this::quote).collect(Collectors.joining("."));
    }

    protected String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    @Override public String literal(Object value) {
        if (value == null) return "NULL";
        if (value instanceof Boolean b) return booleanLiteral(b);
        if (value instanceof Number n) return n.toString();
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) return stringLiteral(value.toString());
        if (value instanceof byte[]) throw new RenderException("binary values cannot be written as SQL literals here; insert them through connection { }");
        return stringLiteral(value.toString());
    }

    protected String booleanLiteral(boolean value) { return value ? "TRUE" : "FALSE"; }

    protected String stringLiteral(String s) { return "'" + s.replace("'", "''") + "'"; }

    /** The type a revision states, as this database spells it: its variant for this database if it has one. */
    @Override public final String typeSql(ColumnType t) { return nativeType(t.forDialect(this)); }

    /** The native type for a generic column type without variants; a dialect overrides the kinds it spells differently. */
    protected String nativeType(ColumnType t) {
        return switch (t.kind()) {
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case SMALLINT -> "SMALLINT";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> t.length() == null ? "VARCHAR" : "VARCHAR(" + t.length() + ")";
            case TEXT -> "TEXT";
            case NUMERIC -> t.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + t.precision() + (t.scale() == null ? "" : ", " + t.scale()) + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case BINARY -> t.length() == null ? "VARBINARY" : "VARBINARY(" + t.length() + ")";
            case BLOB -> "BLOB";
            case UUID -> "UUID";
            case JSON -> "JSON";
            case ENUM -> enumType(t.enumValues());
            case RAW -> t.rawSql();
        };
    }

    /** Without a native enum type: the longest value's width; {@link #enumCheck} adds the CHECK. */
    protected String enumType(List<String> values) {
        return "VARCHAR(" + values.stream().mapToInt(String::length).max().orElse(1) + ")";
    }

    /** The CHECK that keeps an enum column to its values, or null where the type itself does. */
    protected String enumCheck(Column c) {
        return "CHECK (" + quote(c.name()) + " IN (" + c.type().enumValues().stream().map(this::stringLiteral)
                .collect(Collectors.joining(", ")) + "))";
    }

    @Override public String defaultSql(ColumnDefault d) {
        if (d instanceof ColumnDefault.CurrentTimestamp) return "CURRENT_TIMESTAMP";
        if (d instanceof ColumnDefault.Expression e) return e.sql();
        return literal(((ColumnDefault.Literal) d).value());
    }

    /** The clause that makes a column fill itself; identity columns are SQL:2003. */
    protected String autoIncrementClause() { return "GENERATED BY DEFAULT AS IDENTITY"; }

    // ---- dispatch ---------------------------------------------------------------------------------

    /** Each kind of operation goes to its method below (see {@link OperationRendering}). */
    @Override public List<String> render(Operation op, SchemaLookup schema) { return op.accept(new OperationRendering(this, schema)); }

    /**
     * What this dialect renders with {@code CONCURRENTLY} cannot run inside a transaction: the index operations that
     * ask for it, where {@link #indexConcurrency} spells it.
     */
    @Override public boolean runsOutsideTransaction(Operation op) {
        return !indexConcurrency(true).isEmpty() && op.accept(ConcurrentIndex.ASKED);
    }

    protected boolean appliesTo(OnDialect o) { return o.appliesTo(this); }

    /**
     * The column as it will be after an {@code alterColumn}, for databases that restate a whole column to change
     * part of it. What the operation does not change comes from the existing table (the live database online, the
     * script's own tables offline), else from the operation's {@code existing*} options; without either it is an error.
     */
    protected Column restatedColumn(AlterColumn o, SchemaLookup schema, String statement) {
        Optional<Column> live = schema.table(o.schema(), o.table()).flatMap(t -> t.definedColumn(o.name()));
        ColumnType type = o.type() != null ? o.type() : live.map(Column::type).orElse(o.existingType());
        Boolean nullable = o.nullable() != null ? o.nullable() : live.map(Column::nullable).orElse(o.existingNullable());
        if (type == null || nullable == null) {
            List<String> missing = new ArrayList<>();
            if (type == null) missing.add("existingType: …");
            if (nullable == null) missing.add("existingNullable: true|false");
            throw new RenderException(o.describe() + ": " + name() + " changes a column with " + statement
                    + ", which restates the whole column, and the column's current definition is not known here"
                    + " (offline there is no database to read it from). Add " + String.join(" and ", missing)
                    + " to the alterColumn so the rest of the column is kept.");
        }
        ColumnDefault def = o.defaultChanged() ? o.newDefault() : live.map(Column::defaultValue).orElse(o.existingDefault());
        String comment = o.commentChanged() ? o.comment() : live.map(Column::comment).orElse(o.existingComment());
        boolean autoIncrement = live.map(Column::autoIncrement).orElse(false);
        return Column.of(o.finalName(), type).withNullable(nullable).withAutoIncrement(autoIncrement).withDefault(def).withComment(comment);
    }

    // ---- tables -----------------------------------------------------------------------------------

    protected List<String> createTable(CreateTable o) {
        List<String> parts = new ArrayList<>();
        for (Column c : o.columns()) parts.add(columnDefinition(c, o));
        List<String> pk = o.columns().stream().filter(Column::primaryKey).map(Column::name).toList();
        if (!pk.isEmpty() && !inlinePrimaryKey(o)) parts.add("PRIMARY KEY (" + columnList(pk) + ")");
        for (Column c : o.columns()) {
            if (c.unique()) parts.add("UNIQUE (" + quote(c.name()) + ")");
            if (c.references() != null) parts.add(foreignKeyClause(List.of(c.name()), c.references().table(),
                    List.of(c.references().column()), c.references().onDelete(), c.references().onUpdate()));
            if (c.type().kind() == TypeKind.ENUM && enumCheck(c) != null) parts.add(enumCheck(c));
        }
        for (TableConstraint tc : o.constraints()) if (!declaredOnColumn(tc, o)) parts.add(tableConstraint(tc));
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + (o.ifNotExists() ? "IF NOT EXISTS " : "") + table(o.schema(), o.name())
                + " (\n    " + String.join(",\n    ", parts) + "\n)" + createTableSuffix(o));
        out.addAll(createTableComments(o));
        for (IndexDef ix : o.indexes())
            out.addAll(createIndex(CreateIndex.of(o.schema(), ix.name(), o.name(), ix.columns()).withUnique(ix.unique())));
        return out;
    }

    /** True when the dialect must declare a single-column key inline (SQLite's INTEGER PRIMARY KEY AUTOINCREMENT). */
    protected boolean inlinePrimaryKey(CreateTable o) { return false; }

    /** A column of {@code createTable}; a dialect that declares some table constraints on their column overrides this. */
    protected String columnDefinition(Column c, CreateTable table) { return columnDefinition(c); }

    /** True when {@link #columnDefinition(Column, CreateTable)} already declares the constraint on its column. */
    protected boolean declaredOnColumn(TableConstraint tc, CreateTable table) { return false; }

    /** Table options after the closing parenthesis (MySQL's COMMENT=…). */
    protected String createTableSuffix(CreateTable o) { return ""; }

    /** Comments as separate statements (COMMENT ON …) where the database keeps them outside the DDL. */
    protected List<String> createTableComments(CreateTable o) {
        List<String> out = new ArrayList<>();
        if (o.comment() != null) out.addAll(tableComment(new TableComment(o.schema(), o.name(), o.comment(), null)));
        for (Column c : o.columns())
            if (c.comment() != null && !columnCommentsInline()) out.add(columnCommentStatement(o.schema(), o.name(), c.name(), c.comment()));
        return out;
    }

    protected String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(quote(c.name())).append(' ').append(typeSql(c.type()));
        if (c.defaultValue() != null) sb.append(" DEFAULT ").append(defaultSql(c.defaultValue()));
        if (c.autoIncrement()) sb.append(' ').append(autoIncrementClause());
        if (!c.nullable()) sb.append(" NOT NULL");
        if (columnCommentsInline() && c.comment() != null) sb.append(" COMMENT ").append(stringLiteral(c.comment()));
        return sb.toString();
    }

    /** True where a column's comment is part of its definition (MySQL) rather than a separate statement. */
    protected boolean columnCommentsInline() { return false; }

    protected String tableConstraint(TableConstraint tc) {
        String prefix = tc.name() == null ? "" : "CONSTRAINT " + quote(tc.name()) + " ";
        if (tc instanceof TableConstraint.PrimaryKey p) return prefix + "PRIMARY KEY (" + columnList(p.columns()) + ")";
        if (tc instanceof TableConstraint.Unique u) return prefix + "UNIQUE (" + columnList(u.columns()) + ")";
        if (tc instanceof TableConstraint.ForeignKey f)
            return prefix + foreignKeyClause(f.columns(), f.refTable(), f.refColumns(), f.onDelete(), f.onUpdate());
        TableConstraint.Check ch = (TableConstraint.Check) tc;
        return prefix + "CHECK (" + ch.sql() + ")";
    }

    protected final String foreignKeyClause(List<String> cols, String refTable, List<String> refCols, String onDelete, String onUpdate) {
        return "FOREIGN KEY (" + columnList(cols) + ") " + referencesClause(cols, refTable, refCols, onDelete, onUpdate);
    }

    /**
     * {@code REFERENCES t (c)} and the foreign key's actions, for a table-level key or inline after a column. The
     * actions are read once, here, for every dialect; {@link #referentialActions} spells them.
     *
     * @param cols the key's own columns, for messages
     */
    protected final String referencesClause(List<String> cols, String refTable, List<String> refCols, String onDelete, String onUpdate) {
        return "REFERENCES " + qualified(refTable) + " (" + columnList(refCols) + ")"
                + referentialActions(cols, refTable, ReferentialAction.parse(onDelete), ReferentialAction.parse(onUpdate));
    }

    /** {@code ON DELETE …}/{@code ON UPDATE …} for the actions a foreign key states (null: not stated), or nothing. */
    protected String referentialActions(List<String> cols, String refTable, ReferentialAction onDelete, ReferentialAction onUpdate) {
        return (onDelete == null ? "" : " ON DELETE " + onDelete.sql()) + (onUpdate == null ? "" : " ON UPDATE " + onUpdate.sql());
    }

    protected List<String> dropTable(DropTable o) {
        return List.of("DROP TABLE " + (o.ifExists() ? "IF EXISTS " : "") + table(o.schema(), o.name()));
    }

    protected List<String> renameTable(RenameTable o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.oldName()) + " RENAME TO " + quote(o.newName()));
    }

    // ---- columns ----------------------------------------------------------------------------------

    protected List<String> addColumn(AddColumn o, SchemaLookup schema) {
        Column c = o.column();
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + table(o.schema(), o.table()) + " " + addColumnKeyword() + " " + (o.ifNotExists() ? "IF NOT EXISTS " : "")
                + columnDefinition(c) + (c.type().kind() == TypeKind.ENUM && enumCheck(c) != null ? " " + enumCheck(c) : ""));
        if (c.primaryKey()) out.add(addConstraint(o.schema(), o.table(), null, "PRIMARY KEY (" + quote(c.name()) + ")"));
        if (c.unique()) out.add(addConstraint(o.schema(), o.table(), null, "UNIQUE (" + quote(c.name()) + ")"));
        if (c.references() != null) out.add(addConstraint(o.schema(), o.table(), null, foreignKeyClause(List.of(c.name()),
                c.references().table(), List.of(c.references().column()), c.references().onDelete(), c.references().onUpdate())));
        if (c.comment() != null && !columnCommentsInline()) out.add(columnCommentStatement(o.schema(), o.table(), c.name(), c.comment()));
        return out;
    }

    /** What adds a column in {@code ALTER TABLE}: {@code ADD COLUMN} in the standard. */
    protected String addColumnKeyword() { return "ADD COLUMN"; }

    protected List<String> dropColumn(DropColumn o, SchemaLookup schema) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " DROP COLUMN " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name()));
    }

    protected List<String> alterColumn(AlterColumn o, SchemaLookup schema) {
        String t = "ALTER TABLE " + table(o.schema(), o.table()) + " ALTER COLUMN " + quote(o.name());
        List<String> out = new ArrayList<>();
        if (o.type() != null) out.add(t + " SET DATA TYPE " + typeSql(o.type()));
        if (o.nullable() != null) out.add(t + (o.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        if (o.defaultChanged()) out.add(o.newDefault() == null ? t + " DROP DEFAULT" : t + " SET DEFAULT " + defaultSql(o.newDefault()));
        if (o.commentChanged()) out.add(columnCommentStatement(o.schema(), o.table(), o.name(), o.comment()));
        if (o.newName() != null) out.addAll(renameColumn(new RenameColumn(o.schema(), o.table(), o.name(), o.newName())));
        return out;
    }

    protected List<String> renameColumn(RenameColumn o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " RENAME COLUMN " + quote(o.oldName()) + " TO " + quote(o.newName()));
    }

    // ---- indexes and constraints ------------------------------------------------------------------

    protected List<String> createIndex(CreateIndex o) {
        if (o.where() != null && !capabilities().partialIndexes())
            throw new RenderException("createIndex '" + o.name() + "': " + name() + " has no partial indexes; remove 'where' or wrap it in onDialect");
        return List.of("CREATE " + (o.unique() ? "UNIQUE " : "") + "INDEX " + indexConcurrency(o.concurrently())
                + (o.ifNotExists() ? "IF NOT EXISTS " : "") + quote(o.name()) + " ON " + table(o.schema(), o.table())
                + " (" + columnList(o.columns()) + ")" + (o.where() == null ? "" : " WHERE " + o.where()));
    }

    protected List<String> dropIndex(DropIndex o) {
        return List.of("DROP INDEX " + indexConcurrency(o.concurrently()) + (o.ifExists() ? "IF EXISTS " : "") + table(o.schema(), o.name()));
    }

    /**
     * What follows {@code CREATE INDEX}/{@code DROP INDEX} when the index is to be built or dropped without blocking
     * writes: nothing where the database has no such option (the index is then built the ordinary way).
     */
    protected String indexConcurrency(boolean concurrently) {
        // postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY; it cannot run in a transaction.
        return concurrently && capabilities().concurrentIndexes() ? "CONCURRENTLY " : "";
    }

    /**
     * @param notValid add it without checking the rows already there, where the database can
     *                 (postgresql.org/docs/current/sql-altertable.html, {@code NOT VALID}); elsewhere it is checked as usual
     */
    protected List<String> addTableConstraint(String schemaName, String tableName, TableConstraint tc, boolean notValid, SchemaLookup schema) {
        return List.of("ALTER TABLE " + table(schemaName, tableName) + " ADD " + tableConstraint(tc)
                + (notValid && capabilities().notValidConstraints() ? " NOT VALID" : ""));
    }

    /** Checks the rows of a constraint added {@code NOT VALID}; nothing where constraints are always checked when added. */
    protected List<String> validateConstraint(ValidateConstraint o) {
        if (!capabilities().notValidConstraints()) return List.of();
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " VALIDATE CONSTRAINT " + quote(o.name()));
    }

    protected String addConstraint(String schema, String tableName, String constraintName, String body) {
        return "ALTER TABLE " + table(schema, tableName) + " ADD " + (constraintName == null ? "" : "CONSTRAINT " + quote(constraintName) + " ") + body;
    }

    /** Finds a constraint given by its columns first (see {@link #located}); nothing when it may be absent and is. */
    protected List<String> dropConstraint(DropConstraint o, SchemaLookup schema) {
        return located(o, schema).map(named -> dropNamedConstraint(named, schema)).orElse(List.of());
    }

    /** {@code DROP CONSTRAINT [IF EXISTS] name}: the standard, PostgreSQL's, H2's and SQL Server's spelling. */
    protected List<String> dropNamedConstraint(DropConstraint o, SchemaLookup schema) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " DROP CONSTRAINT " + (o.ifExists() ? "IF EXISTS " : "") + quote(o.name()));
    }

    /**
     * The drop by name: as given, or, for a constraint given by its columns, with the name the database gave it (the
     * live catalog online, the script's own tables offline). Empty when {@code ifExists} and no constraint is on them.
     */
    protected final Optional<DropConstraint> located(DropConstraint o, SchemaLookup schema) {
        if (!o.byColumns()) return Optional.of(o);
        String kind = o.type() == ConstraintType.FOREIGN_KEY ? "foreign key" : "unique constraint";
        List<NamedConstraint> known = schema.constraints(o.schema(), o.table()).orElseThrow(() -> new RenderException(o.describe()
                + ": the " + kind + " is found by its columns in the table's definition, and table '" + o.table() + "' is not known here."
                + " Offline (--sql) only tables created earlier in the same script are known: run it online, or drop it by name with dropConstraint."));
        List<NamedConstraint> matching = known.stream().filter(c -> c.isOn(o.type(), o.columns())).toList();
        if (matching.isEmpty()) {
            if (o.ifExists()) return Optional.empty();
            List<String> others = known.stream().filter(c -> c.type() == o.type()).map(c -> (c.name() == null ? "(unnamed)" : c.name()) + " " + c.columns()).toList();
            throw new RenderException(o.describe() + ": table '" + o.table() + "' has no " + kind + " on exactly " + o.columns()
                    + (others.isEmpty() ? "" : "; its " + kind + "s: " + String.join(", ", others)) + ". Add ifExists: true if it may be absent.");
        }
        if (matching.size() > 1)
            throw new RenderException(o.describe() + ": table '" + o.table() + "' has " + matching.size() + " " + kind + "s on " + o.columns()
                    + " (" + String.join(", ", matching.stream().map(c -> String.valueOf(c.name())).toList()) + "); drop the one you mean with dropConstraint by name");
        NamedConstraint found = matching.get(0);
        if (found.name() == null)
            throw new RenderException(o.describe() + ": the " + kind + " was created without a name, so the name " + name()
                    + " gave it is known only to the database. Run the migration online, or give the constraint a name when it is created"
                    + " (naming_convention in retort.ini names every unnamed one).");
        return Optional.of(o.named(found.name()));
    }

    // ---- comments and data ------------------------------------------------------------------------

    protected List<String> tableComment(TableComment o) {
        return List.of("COMMENT ON TABLE " + table(o.schema(), o.table()) + " IS " + (o.comment() == null ? "NULL" : stringLiteral(o.comment())));
    }

    protected String columnCommentStatement(String schema, String tableName, String column, String comment) {
        return "COMMENT ON COLUMN " + table(schema, tableName) + "." + quote(column) + " IS "
                + (comment == null ? "NULL" : stringLiteral(comment));
    }

    @Override public String parameterizedInsert(Insert o, List<String> columns) {
        return "INSERT INTO " + table(o.schema(), o.table()) + " (" + columnList(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** One literal INSERT per row, in the order the rows were given (offline scripts; online rows go in batches). */
    protected List<String> insert(Insert o) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : o.rows()) {
            out.add("INSERT INTO " + table(o.schema(), o.table()) + " (" + columnList(List.copyOf(row.keySet())) + ") VALUES ("
                    + row.values().stream().map(this::literal).collect(Collectors.joining(", ")) + ")");
        }
        return out;
    }
}
