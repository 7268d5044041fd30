package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

public record CreateUniqueConstraint(String schema, String name, String table, List<String> columns) implements Operation {
    public CreateUniqueConstraint { columns = List.copyOf(columns); }
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.UNIQUE));
    }
    @Override public String describe() { return "createUniqueConstraint " + name; }
}
