package dev.retort.dsl.op;

import dev.retort.dsl.schema.TableConstraint;
import java.util.List;
import java.util.Optional;

public record CreateForeignKey(String schema, String name, String table, String refTable, List<String> columns,
                               List<String> refColumns, String onDelete, String onUpdate) implements Operation {
    public CreateForeignKey { columns = List.copyOf(columns); refColumns = List.copyOf(refColumns); }
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.FOREIGN_KEY));
    }
    /** The constraint as a table declares it, for readers that treat it like one declared in createTable. */
    public TableConstraint.ForeignKey constraint() { return new TableConstraint.ForeignKey(name, columns, refTable, refColumns, onDelete, onUpdate); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateForeignKey(this); }
    @Override public String describe() { return "createForeignKey " + name; }
}
