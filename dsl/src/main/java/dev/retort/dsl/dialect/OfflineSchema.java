package dev.retort.dsl.dialect;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.TableConstraint;
import dev.retort.dsl.schema.TableModel;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables as they will be once the operations recorded so far have run, kept up to date operation by operation,
 * so that a later operation needing a table's definition (a SQLite rebuild, a MySQL {@code MODIFY}) can be rendered
 * before the earlier ones ran. Offline it starts from nothing: a table the script did not create is unknown, and the
 * dialect then says what to state instead. Online it starts from the live database ({@code before}), each table read
 * once, the first time it is needed. Raw {@code execute} SQL and {@code connection { }} blocks are not interpreted:
 * a table changed only by them is tracked as declared.
 */
public final class OfflineSchema implements SchemaLookup {
    private final String dialect;
    private final SchemaLookup before;
    // Empty: known not to exist (dropped, renamed away, or absent from `before`).
    private final Map<String, Optional<TableModel>> tables = new LinkedHashMap<>();
    // Tables whose definition came from `before`, which may hold only part of one (MySQL reads columns alone).
    private final Set<String> partial = new HashSet<>();
    // Tables `before` does not define (PostgreSQL and H2 read no definitions) and the script has not touched since.
    private final Set<String> undefinedBefore = new HashSet<>();

    /** @param dialect the dialect name, to follow only the {@code onDialect} blocks that apply */
    public OfflineSchema(String dialect) { this(dialect, SchemaLookup.NONE); }

    /** @param before what is known of the tables before the first recorded operation (the live database online) */
    public OfflineSchema(String dialect, SchemaLookup before) {
        this.dialect = dialect;
        this.before = before;
    }

    @Override public Optional<TableModel> table(String schema, String table) {
        String key = key(schema, table);
        Optional<TableModel> known = tables.get(key);
        if (known == null) {
            known = before.table(schema, table);
            tables.put(key, known);
            if (known.isPresent()) partial.add(key); else undefinedBefore.add(key);
        }
        return known;
    }

    /** The tables known to exist now, in the order they were first seen (for squash, which compares two such states). */
    public java.util.List<TableModel> knownTables() {
        return tables.values().stream().flatMap(Optional::stream).toList();
    }

    /**
     * A table created or changed by the script: its tracked constraints. One read from the live database: the catalog's
     * own list, which holds the names the database gave (a tracked definition may hold only part of the table).
     */
    @Override public Optional<List<NamedConstraint>> constraints(String schema, String table) {
        Optional<TableModel> t = table(schema, table);
        String key = key(schema, table);
        if (t.isPresent() ? partial.contains(key) : undefinedBefore.contains(key)) return before.constraints(schema, table);
        return t.map(TableModel::namedConstraints);
    }

    /** Advances the tracked tables past one operation (call it after rendering the operation). */
    public void record(Operation op) { op.accept(recorder); }

    private final Recorder recorder = new Recorder();

    /** What each operation does to the tracked tables. */
    private final class Recorder implements OperationVisitor<Void> {
        @Override public Void visitCreateTable(CreateTable o) {
            partial.remove(key(o.schema(), o.name()));
            put(o.schema(), TableModel.of(o));
            return null;
        }

        @Override public Void visitDropTable(DropTable o) {
            forget(key(o.schema(), o.name()));
            return null;
        }

        @Override public Void visitRenameTable(RenameTable o) {
            Optional<TableModel> t = table(o.schema(), o.oldName());
            forget(key(o.schema(), o.oldName()));
            if (partial.remove(key(o.schema(), o.oldName()))) partial.add(key(o.schema(), o.newName()));
            t.ifPresent(x -> put(o.schema(), x.renamed(o.newName())));
            return null;
        }

        @Override public Void visitAddColumn(AddColumn o) { return change(o.schema(), o.table(), t -> t.withColumn(o.column())); }
        @Override public Void visitDropColumn(DropColumn o) { return change(o.schema(), o.table(), t -> t.withoutColumn(o.name())); }
        @Override public Void visitAlterColumn(AlterColumn o) { return change(o.schema(), o.table(), t -> t.withColumnAltered(o)); }

        @Override public Void visitRenameColumn(RenameColumn o) {
            return change(o.schema(), o.table(), t -> t.withColumnRenamed(o.oldName(), o.newName()));
        }

        @Override public Void visitCreateIndex(CreateIndex o) { return change(o.schema(), o.table(), t -> t.withIndex(o)); }

        @Override public Void visitDropIndex(DropIndex o) {
            if (o.table() != null) table(o.schema(), o.table());
            tables.replaceAll((k, t) -> t.map(x -> x.hasIndex(o.name()) ? x.withoutIndex(o.name()) : x));
            return null;
        }

        @Override public Void visitCreateUniqueConstraint(CreateUniqueConstraint o) { return constraint(o.schema(), o.table(), o.constraint()); }
        @Override public Void visitCreatePrimaryKey(CreatePrimaryKey o) { return constraint(o.schema(), o.table(), o.constraint()); }
        @Override public Void visitCreateCheckConstraint(CreateCheckConstraint o) { return constraint(o.schema(), o.table(), o.constraint()); }
        @Override public Void visitCreateForeignKey(CreateForeignKey o) { return constraint(o.schema(), o.table(), o.constraint()); }
        /** Validating rows changes no definition. */
        @Override public Void visitValidateConstraint(ValidateConstraint o) { return null; }

        @Override public Void visitDropConstraint(DropConstraint o) {
            if (o.byColumns()) return change(o.schema(), o.table(), t -> t.withoutConstraintOn(o.type(), o.columns()));
            if (o.ifExists()) return change(o.schema(), o.table(), t -> t.namedConstraints().stream().anyMatch(c -> o.name().equalsIgnoreCase(c.name()))
                    ? t.withoutConstraint(o.name(), o.type()) : t);
            return change(o.schema(), o.table(), t -> t.withoutConstraint(o.name(), o.type()));
        }

        /** No rendering reads a table's comment, so it is not tracked. */
        @Override public Void visitTableComment(TableComment o) { return null; }

        /** Rows change no table's definition. */
        @Override public Void visitInsert(Insert o) { return null; }

        /** Raw SQL is not interpreted (see the class comment). */
        @Override public Void visitExecuteSql(ExecuteSql o) { return null; }
        @Override public Void visitSqlFile(SqlFile o) { return null; }

        /** Neither is what a {@code connection { }} block does. */
        @Override public Void visitRunWithConnection(RunWithConnection o) { return null; }

        @Override public Void visitOnDialect(OnDialect o) {
            if (o.appliesTo(Dialects.byName(dialect))) o.operations().forEach(OfflineSchema.this::record);
            return null;
        }

        @Override public Void visitAutocommit(Autocommit o) {
            o.operations().forEach(OfflineSchema.this::record);
            return null;
        }

        private Void constraint(String schema, String table, TableConstraint tc) { return change(schema, table, t -> t.withConstraint(tc)); }
    }

    private Void change(String schema, String table, java.util.function.UnaryOperator<TableModel> change) {
        Optional<TableModel> t = table(schema, table);
        if (t.isEmpty()) return null;
        try {
            put(schema, change.apply(t.get()));
        } catch (RenderException e) {
            // A partial definition need not hold what the change names (a MySQL table's constraints): keep it as it is.
            if (!partial.contains(key(schema, table))) throw e;
        }
        return null;
    }

    private void put(String schema, TableModel t) {
        undefinedBefore.remove(key(schema, t.name()));
        tables.put(key(schema, t.name()), Optional.of(t));
    }

    /** Known not to exist any more: dropped or renamed away by the script. */
    private void forget(String key) {
        undefinedBefore.remove(key);
        tables.put(key, Optional.empty());
    }

    private static String key(String schema, String table) {
        return ((schema == null ? "" : schema + ".") + table).toLowerCase(Locale.ROOT);
    }
}
