package dev.retort.dsl.op;

import dev.retort.dsl.dialect.Dialect;
import java.util.List;
import java.util.Optional;

/** Operations that apply only on the named databases. */
public record OnDialect(List<String> dialects, List<Operation> operations) implements Operation {
    public OnDialect { dialects = List.copyOf(dialects); operations = List.copyOf(operations); }

    @Override public Optional<Operation> inverse() { return Inverses.of(operations).map(reversed -> new OnDialect(dialects, reversed)); }
    /** True when the block applies on that database: one of its names is the dialect's, or one it answers to. */
    public boolean appliesTo(Dialect dialect) { return dialects.stream().anyMatch(dialect::answersTo); }

    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitOnDialect(this); }
    @Override public String describe() { return "onDialect " + String.join(", ", dialects); }
}
