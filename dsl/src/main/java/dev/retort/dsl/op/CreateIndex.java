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

    /** A plain index on {@code columns}; the {@code with…} copies add the options. */
    public static CreateIndex of(String schema, String name, String table, List<String> columns) {
        return new CreateIndex(schema, name, table, columns, false, null, false, false);
    }

    public CreateIndex withTable(String newTable) {
        return new CreateIndex(schema, name, newTable, columns, unique, where, ifNotExists, concurrently);
    }
    public CreateIndex withColumns(List<String> newColumns) {
        return new CreateIndex(schema, name, table, newColumns, unique, where, ifNotExists, concurrently);
    }
    public CreateIndex withUnique(boolean newUnique) {
        return new CreateIndex(schema, name, table, columns, newUnique, where, ifNotExists, concurrently);
    }
    public CreateIndex withWhere(String newWhere) {
        return new CreateIndex(schema, name, table, columns, unique, newWhere, ifNotExists, concurrently);
    }
    public CreateIndex withIfNotExists(boolean newIfNotExists) {
        return new CreateIndex(schema, name, table, columns, unique, where, newIfNotExists, concurrently);
    }
    public CreateIndex withConcurrently(boolean newConcurrently) {
        return new CreateIndex(schema, name, table, columns, unique, where, ifNotExists, newConcurrently);
    }

    /** The index as a table's definition keeps it: without the options that only matter while creating it. */
    public CreateIndex asDeclared() { return withIfNotExists(false).withConcurrently(false); }

    @Override public Optional<Operation> inverse() {
        return Optional.of(new DropIndex(schema, name, table, false, concurrently));
    }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateIndex(this); }
    @Override public String describe() { return "createIndex " + name; }
}
