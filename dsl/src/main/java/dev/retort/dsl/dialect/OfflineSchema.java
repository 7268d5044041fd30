package dev.retort.dsl.dialect;

import dev.retort.dsl.op.*;
import dev.retort.dsl.schema.TableConstraint;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables an offline script has created so far, kept up to date operation by operation, so that a later
 * operation needing a table's definition (a SQLite rebuild, a MySQL {@code MODIFY}) can be rendered without a
 * database. A table the script did not create is unknown, and the dialect then says what to state instead.
 * Raw {@code execute} SQL is not interpreted: a table changed only by raw SQL is tracked as declared.
 */
public final class OfflineSchema implements SchemaLookup {
    private final String dialect;
    private final Map<String, ExistingTable> tables = new HashMap<>();

    /** @param dialect the dialect name, to follow only the {@code onDialect} blocks that apply */
    public OfflineSchema(String dialect) { this.dialect = dialect; }

    @Override public Optional<ExistingTable> table(String schema, String table) {
        return Optional.ofNullable(tables.get(key(schema, table)));
    }

    /** Advances the tracked tables past one operation (call it after rendering the operation). */
    public void record(Operation op) {
        if (op instanceof CreateTable o) put(o.schema(), ExistingTable.of(o));
        else if (op instanceof DropTable o) tables.remove(key(o.schema(), o.name()));
        else if (op instanceof RenameTable o) {
            ExistingTable t = tables.remove(key(o.schema(), o.oldName()));
            if (t != null) put(o.schema(), t.renamed(o.newName()));
        }
        else if (op instanceof AddColumn o) change(o.schema(), o.table(), t -> t.withColumn(o.column()));
        else if (op instanceof DropColumn o) change(o.schema(), o.table(), t -> t.withoutColumn(o.name()));
        else if (op instanceof AlterColumn o) change(o.schema(), o.table(), t -> t.withColumnAltered(o));
        else if (op instanceof RenameColumn o) change(o.schema(), o.table(), t -> t.withColumnRenamed(o.oldName(), o.newName()));
        else if (op instanceof CreateIndex o) change(o.schema(), o.table(), t -> t.withIndex(o));
        else if (op instanceof DropIndex o) tables.replaceAll((k, t) -> t.hasIndex(o.name()) ? t.withoutIndex(o.name()) : t);
        else if (op instanceof CreateUniqueConstraint o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.Unique(o.name(), o.columns())));
        else if (op instanceof CreatePrimaryKey o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.PrimaryKey(o.name(), o.columns())));
        else if (op instanceof CreateCheckConstraint o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.Check(o.name(), o.sql())));
        else if (op instanceof CreateForeignKey o) change(o.schema(), o.table(), t -> t.withConstraint(new TableConstraint.ForeignKey(o.name(),
                o.columns(), o.refTable(), o.refColumns(), o.onDelete(), o.onUpdate())));
        else if (op instanceof DropConstraint o) change(o.schema(), o.table(), t -> t.withoutConstraint(o.name(), o.type()));
        else if (op instanceof OnDialect o && o.dialects().stream().anyMatch(dialect::equalsIgnoreCase)) o.operations().forEach(this::record);
    }

    private void change(String schema, String table, java.util.function.UnaryOperator<ExistingTable> change) {
        ExistingTable t = tables.get(key(schema, table));
        if (t != null) put(schema, change.apply(t));
    }

    private void put(String schema, ExistingTable t) { tables.put(key(schema, t.name()), t); }

    private static String key(String schema, String table) {
        return ((schema == null ? "" : schema + ".") + table).toLowerCase(Locale.ROOT);
    }
}
