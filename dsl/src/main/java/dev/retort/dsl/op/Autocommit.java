package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

/**
 * Operations that cannot run inside a transaction (PostgreSQL {@code CREATE INDEX CONCURRENTLY},
 * {@code ALTER TYPE … ADD VALUE}). Where DDL is transactional, the runner commits what ran so far, runs these
 * in autocommit mode and then opens a new transaction; elsewhere they run like any other operation.
 */
public record Autocommit(List<Operation> operations) implements Operation {
    public Autocommit { operations = List.copyOf(operations); }

    @Override public Optional<Operation> inverse() { return Inverses.of(operations).map(reversed -> new Autocommit(reversed)); }

    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitAutocommit(this); }
    @Override public String describe() { return "autocommit { … }"; }
}
