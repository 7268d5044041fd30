package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

public record CreatePrimaryKey(String schema, String name, String table, List<String> columns) implements Operation {
    public CreatePrimaryKey { columns = List.copyOf(columns); }
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.PRIMARY));
    }
    @Override public String describe() { return "createPrimaryKey " + name; }
}
