package dev.retort.dsl.op;

import dev.retort.dsl.schema.Column;
import dev.retort.dsl.schema.IndexDef;
import dev.retort.dsl.schema.TableConstraint;
import java.util.List;
import java.util.Optional;

public record CreateTable(String schema, String name, List<Column> columns, List<TableConstraint> constraints,
                          List<IndexDef> indexes, boolean ifNotExists, String comment) implements Operation {
    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        if (columns.isEmpty()) throw new IllegalArgumentException("createTable '" + name + "' declares no columns");
    }

    @Override public Optional<Operation> inverse() { return Optional.of(new DropTable(schema, name, false)); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitCreateTable(this); }
    @Override public String describe() { return "createTable " + name; }
}
