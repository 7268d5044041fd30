package dev.retort.dsl.type;

import java.util.List;
import java.util.Objects;

/**
 * A column type as a revision states it, before any dialect sees it.
 * Only the fields that matter for {@link #kind()} are set; the rest are null or empty.
 */
public record ColumnType(TypeKind kind, Integer length, Integer precision, Integer scale,
                         List<String> enumValues, String rawSql) implements java.io.Serializable {

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    public static ColumnType of(TypeKind kind) { return new ColumnType(kind, null, null, null, List.of(), null); }

    public static ColumnType string(Integer length) {
        if (length != null && length <= 0) throw new IllegalArgumentException("string length must be positive, was " + length);
        return new ColumnType(TypeKind.STRING, length, null, null, List.of(), null);
    }

    public static ColumnType numeric(Integer precision, Integer scale) {
        return new ColumnType(TypeKind.NUMERIC, null, precision, scale, List.of(), null);
    }

    public static ColumnType binary(Integer length) { return new ColumnType(TypeKind.BINARY, length, null, null, List.of(), null); }

    public static ColumnType enumOf(List<String> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("enumOf needs at least one value");
        return new ColumnType(TypeKind.ENUM, null, null, null, values, null);
    }

    public static ColumnType sql(String rawSql) {
        if (rawSql == null || rawSql.isBlank()) throw new IllegalArgumentException("sqlType needs the SQL type text");
        return new ColumnType(TypeKind.RAW, null, null, null, List.of(), rawSql);
    }

    /** How a person would write this type in a revision: {@code string(100)}, {@code numeric(10, 2)}. */
    public String dslName() {
        return switch (kind) {
            case STRING -> length == null ? "string" : "string(" + length + ")";
            case NUMERIC -> precision == null ? "numeric" : "numeric(" + precision + (scale == null ? "" : ", " + scale) + ")";
            case BINARY -> length == null ? "binary" : "binary(" + length + ")";
            case ENUM -> "enumOf(" + String.join(", ", enumValues.stream().map(v -> "'" + v + "'").toList()) + ")";
            case RAW -> "sqlType('" + rawSql + "')";
            case TIMESTAMP_TZ -> "timestampTz";
            default -> kind.name().toLowerCase();
        };
    }

    @Override public String toString() { return dslName(); }
}
