package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

public record CreateForeignKey(String schema, String name, String table, String refTable, List<String> columns,
                               List<String> refColumns, String onDelete, String onUpdate) implements Operation {
    public CreateForeignKey { columns = List.copyOf(columns); refColumns = List.copyOf(refColumns); }
    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropConstraint(schema, name, table, ConstraintType.FOREIGN_KEY));
    }
    @Override public String describe() { return "createForeignKey " + name; }
}
