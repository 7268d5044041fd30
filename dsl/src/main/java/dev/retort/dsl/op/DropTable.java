package dev.retort.dsl.op;

import java.util.Optional;

public record DropTable(String schema, String name, boolean ifExists) implements Operation {
    /** The dropped table's definition is not known here, so it cannot be recreated. */
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitDropTable(this); }
    @Override public String describe() { return "dropTable " + name; }
}
