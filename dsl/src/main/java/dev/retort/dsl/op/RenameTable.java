package dev.retort.dsl.op;

import java.util.Optional;

public record RenameTable(String schema, String oldName, String newName) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.of(new RenameTable(schema, newName, oldName)); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitRenameTable(this); }
    @Override public String describe() { return "renameTable " + oldName + " -> " + newName; }
}
