package dev.retort.dsl.op;

import java.util.Optional;

public record CreateCheckConstraint(String schema, String name, String table, String sql) implements Operation {
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.CHECK));
    }
    @Override public String describe() { return "createCheckConstraint " + name; }
}
