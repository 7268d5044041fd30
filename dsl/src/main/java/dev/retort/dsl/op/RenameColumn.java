package dev.retort.dsl.op;

import java.util.Optional;

public record RenameColumn(String schema, String table, String oldName, String newName) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.of(new RenameColumn(schema, table, newName, oldName)); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitRenameColumn(this); }
    @Override public String describe() { return "renameColumn " + table + "." + oldName + " -> " + newName; }
}
