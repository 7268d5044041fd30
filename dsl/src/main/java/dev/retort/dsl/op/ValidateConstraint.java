package dev.retort.dsl.op;

import java.util.Optional;

/**
 * Checks the existing rows against a constraint added with {@code notValid: true} ({@code VALIDATE CONSTRAINT} on
 * PostgreSQL, which takes a lock that lets writes go on). Where constraints are always checked as they are added it
 * does nothing. There is nothing to undo, so the inverse is the operation itself: the constraint still exists when
 * this revision is undone, and PostgreSQL returns at once for a constraint that is already valid.
 */
public record ValidateConstraint(String schema, String name, String table) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.of(this); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitValidateConstraint(this); }
    @Override public String describe() { return "validateConstraint " + name; }
}
