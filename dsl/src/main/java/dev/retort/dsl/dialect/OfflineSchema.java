package dev.retort.dsl.dialect;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.TableConstraint;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Map<String, Optional<ExistingTable>> tables = new HashMap<>();
    // Tables whose definition came from `before`, which may hold only part of one (MySQL reads columns alone).
    private final Set<String> partial = new HashSet<>();

    /** @param dialect the dialect name, to follow only the {@code onDialect} blocks that apply */
    public OfflineSchema(String dialect) { this(dialect, SchemaLookup.NONE); }

    /** @param before what is known of the tables before the first recorded operation (the live database online) */
    public OfflineSchema(String dialect, SchemaLookup before) {
        this.dialect = dialect;
        this.before = before;
    }

    @Override public Optional<ExistingTable> table(String schema, String table) {
        String key = key(schema, table);
        Optional<ExistingTable> known = tables.get(key);
        if (known == null) {
            known = before.table(schema, table);
            tables.put(key, known);
            if (known.isPresent()) partial.add(key);
        }
        return known;
    }

    /** Advances the tracked tables past one operation (call it after rendering the operation). */
    public void record(Operation op) {
        if (op instanceof CreateTable o) {
            partial.remove(key(o.schema(), o.name()));
            put(o.schema(), ExistingTable.of(o));
        }
        else if (op instanceof DropTable o) tables.put(key(o.schema(), o.name()), Optional.empty());
        else if (op instanceof RenameTable o) {
            Optional<ExistingTable> t = table(o.schema(), o.oldName());
            tables.put(key(o.schema(), o.oldName()), Optional.empty());
            if (partial.remove(key(o.schema(), o.oldName()))) partial.add(key(o.schema(), o.newName()));
            t.ifPresent(x -> put(o.schema(), x.renamed(o.newName())));
        }
        else if (op instanceof AddColumn o) change(o.schema(), o.table(), t -> t.withColumn(o.column()));
        else if (op instanceof DropColumn o) change(o.schema(), o.table(), t -> t.withoutColumn(o.name()));
        else if (op instanceof AlterColumn o) change(o.schema(), o.table(), t -> t.withColumnAltered(o));
        else if (op instanceof RenameColumn o) change(o.schema(), o.table(), t -> t.withColumnRenamed(o.oldName(), o.newName()));
        else if (op instanceof CreateIndex o) change(o.schema(), o.table(), t -> t.withIndex(o));
        else if (op instanceof DropIndex o) {
            if (o.table() != null) table(o.schema(), o.table());
            tables.replaceAll((k, t) -> t.map(x -> x.hasIndex(o.name()) ? x.withoutIndex(o.name()) : x));
        }
        else if (op instanceof CreateUniqueConstraint o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.Unique(o.name(), o.columns())));
        else if (op instanceof CreatePrimaryKey o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.PrimaryKey(o.name(), o.columns())));
        else if (op instanceof CreateCheckConstraint o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.Check(o.name(), o.sql())));
        else if (op instanceof CreateForeignKey o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.ForeignKey(o.name(),
                o.columns(), o.refTable(), o.refColumns(), o.onDelete(), o.onUpdate())));
        else if (op instanceof DropConstraint o) change(o.schema(), o.table(), t -> t.withoutConstraint(o.name(), o.type()));
        else if (op instanceof OnDialect o && o.appliesTo(dialect)) o.operations().forEach(this::record);
        else if (op instanceof Autocommit o) o.operations().forEach(this::record);
    }

    private void change(String schema, String table, java.util.function.UnaryOperator<ExistingTable> change) {
        Optional<ExistingTable> t = table(schema, table);
        if (t.isEmpty()) return;
        try {
            put(schema, change.apply(t.get()));
        } catch (RenderException e) {
            // A partial definition need not hold what the change names (a MySQL table's constraints): keep it as it is.
            if (!partial.contains(key(schema, table))) throw e;
        }
    }

    private void put(String schema, ExistingTable t) { tables.put(key(schema, t.name()), Optional.of(t)); }

    private static String key(String schema, String table) {
        return ((schema == null ? "" : schema + ".") + table).toLowerCase(Locale.ROOT);
    }
}
