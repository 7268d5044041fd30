package dev.retort.dsl.op;

import dev.retort.dsl.schema.Column;
import java.util.Optional;

public record AddColumn(String schema, String table, Column column, boolean ifNotExists) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.of(new DropColumn(schema, table, column.name(), false)); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitAddColumn(this); }
    @Override public String describe() { return "addColumn " + table + "." + column.name(); }
}
