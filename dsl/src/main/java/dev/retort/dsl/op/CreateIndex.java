package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

/** {@code where} makes a partial index where the dialect supports one; {@code concurrently} is PostgreSQL's. */
public record CreateIndex(String schema, String name, String table, List<String> columns, boolean unique,
                          String where, boolean ifNotExists, boolean concurrently) implements Operation {
    public CreateIndex {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("index '" + name + "' names no columns");
    }

    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropIndex(schema, name, table, false, concurrently));
    }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateIndex(this); }
    @Override public String describe() { return "createIndex " + name; }
}
