package dev.retort.dsl.op;

import dev.retort.dsl.schema.TableConstraint;
import java.util.List;
import java.util.Optional;

public record CreateUniqueConstraint(String schema, String name, String table, List<String> columns) implements Operation {
    public CreateUniqueConstraint { columns = List.copyOf(columns); }
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.UNIQUE));
    }
    /** The constraint as a table declares it, for readers that treat it like one declared in createTable. */
    public TableConstraint.Unique constraint() { return new TableConstraint.Unique(name, columns); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateUniqueConstraint(this); }
    @Override public String describe() { return "createUniqueConstraint " + name; }
}
