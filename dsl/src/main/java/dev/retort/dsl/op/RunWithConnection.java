package dev.retort.dsl.op;

import java.util.Optional;

/**
 * A data migration written against the live connection. The DSL stays free of JDBC: the runtime hands
 * the callback a {@code java.sql.Connection} (and, for Groovy, a {@code groovy.sql.Sql}). Online only.
 */
public record RunWithConnection(ConnectionCallback callback) implements Operation {
    @FunctionalInterface
    public interface ConnectionCallback {
        /** @param connection a {@code java.sql.Connection} in the migration's transaction */
        void run(Object connection) throws Exception;
    }

    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitRunWithConnection(this); }
    @Override public String describe() { return "connection { … }"; }
}
