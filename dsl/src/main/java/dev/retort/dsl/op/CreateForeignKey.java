package dev.retort.dsl.op;

import dev.retort.dsl.schema.TableConstraint;
import java.util.List;
import java.util.Optional;

/**
 * {@code notValid} adds the key without checking the rows already there, where the database can
 * ({@code NOT VALID} on PostgreSQL); {@link ValidateConstraint} checks them later without blocking writes.
 */
public record CreateForeignKey(String schema, String name, String table, String refTable, List<String> columns,
                               List<String> refColumns, String onDelete, String onUpdate, boolean notValid) implements Operation {
    public CreateForeignKey { columns = List.copyOf(columns); refColumns = List.copyOf(refColumns); }

    /** A key that checks the existing rows as it is added. */
    public CreateForeignKey(String schema, String name, String table, String refTable, List<String> columns,
                            List<String> refColumns, String onDelete, String onUpdate) {
        this(schema, name, table, refTable, columns, refColumns, onDelete, onUpdate, false);
    }

    public CreateForeignKey withNotValid(boolean newNotValid) {
        return new CreateForeignKey(schema, name, table, refTable, columns, refColumns, onDelete, onUpdate, newNotValid);
    }

    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.FOREIGN_KEY));
    }
    /** The constraint as a table declares it, for readers that treat it like one declared in createTable. */
    public TableConstraint.ForeignKey constraint() { return new TableConstraint.ForeignKey(name, columns, refTable, refColumns, onDelete, onUpdate); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateForeignKey(this); }
    @Override public String describe() { return "createForeignKey " + name; }
}
