package dev.retort.dsl.op;

import java.util.Optional;

/** {@code table} is required by MySQL/MariaDB, which scope index names to their table. */
public record DropIndex(String schema, String name, String table, boolean ifExists, boolean concurrently) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitDropIndex(this); }
    @Override public String describe() { return "dropIndex " + name; }
}
