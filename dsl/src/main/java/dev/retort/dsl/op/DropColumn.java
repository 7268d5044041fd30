package dev.retort.dsl.op;

import java.util.Optional;

public record DropColumn(String schema, String table, String name, boolean ifExists) implements Operation {
    /** The dropped column's type is not stated, so it cannot be added back. */
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitDropColumn(this); }
    @Override public String describe() { return "dropColumn " + table + "." + name; }
}
