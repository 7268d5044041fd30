package dev.retort.dsl.op;

import dev.retort.dsl.schema.TableConstraint;
import java.util.List;
import java.util.Optional;

public record CreatePrimaryKey(String schema, String name, String table, List<String> columns) implements Operation {
    public CreatePrimaryKey { columns = List.copyOf(columns); }
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.PRIMARY));
    }
    /** The constraint as a table declares it, for readers that treat it like one declared in createTable. */
    public TableConstraint.PrimaryKey constraint() { return new TableConstraint.PrimaryKey(name, columns); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreatePrimaryKey(this); }
    @Override public String describe() { return "createPrimaryKey " + name; }
}
