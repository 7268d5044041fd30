package dev.retort.dsl.op;

import java.util.Optional;

/** Sets a table's comment, or drops it when {@code comment} is null. */
public record TableComment(String schema, String table, String comment, String existingComment) implements Operation {
    @Override public Optional<Operation> inverse() {
        return Optional.of(new TableComment(schema, table, existingComment, comment));
    }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitTableComment(this); }
    @Override public String describe() { return "tableComment " + table; }
}
