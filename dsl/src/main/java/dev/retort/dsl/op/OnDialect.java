package dev.retort.dsl.op;

import java.util.List;
import java.util.Optional;

/** Operations that apply only on the named databases. */
public record OnDialect(List<String> dialects, List<Operation> operations) implements Operation {
    public OnDialect { dialects = List.copyOf(dialects); operations = List.copyOf(operations); }

    @Override public Optional<Operation> inverse() { return Inverses.of(operations).map(reversed -> new OnDialect(dialects, reversed)); }
    /** True when the block applies on the dialect of that name. */
    public boolean appliesTo(String dialect) { return dialects.stream().anyMatch(dialect::equalsIgnoreCase); }

    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitOnDialect(this); }
    @Override public String describe() { return "onDialect " + String.join(", ", dialects); }
}
