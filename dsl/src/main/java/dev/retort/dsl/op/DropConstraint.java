package dev.retort.dsl.op;

import java.util.Optional;

/** {@code type} may be null where the dialect does not need it. */
public record DropConstraint(String schema, String name, String table, ConstraintType type) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitDropConstraint(this); }
    @Override public String describe() { return "dropConstraint " + name; }
}
