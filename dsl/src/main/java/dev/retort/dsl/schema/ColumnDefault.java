package dev.retort.dsl.schema;

/** A column's server default: a literal value, the current timestamp, or SQL text taken as it is. */
public sealed interface ColumnDefault extends java.io.Serializable {
    record Literal(Object value) implements ColumnDefault {}
    record CurrentTimestamp() implements ColumnDefault {}
    record Expression(String sql) implements ColumnDefault {}

    static ColumnDefault of(Object value) {
        if (value instanceof ColumnDefault d) return d;
        if (value instanceof CharSequence s) return new Literal(s.toString());
        if (value instanceof Number || value instanceof Boolean) return new Literal(value);
        throw new IllegalArgumentException("a default must be a string, number, boolean, now() or sqlExpr('…'), not "
                + value.getClass().getSimpleName());
    }
}
