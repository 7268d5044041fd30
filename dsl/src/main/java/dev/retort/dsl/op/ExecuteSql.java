package dev.retort.dsl.op;

import java.util.Optional;

/** Raw SQL, run as written; {@code dialect} (nullable) limits it to one database. */
public record ExecuteSql(String sql, String dialect) implements Operation {
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    /** True when the statement runs on the dialect of that name (it names none, or that one). */
    public boolean appliesTo(String dialectName) { return dialect == null || dialect.equalsIgnoreCase(dialectName); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitExecuteSql(this); }
    @Override public String describe() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return "execute " + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine);
    }
}
