package dev.retort.dsl.type;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.Dialects;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A column type as a revision states it, before any dialect sees it.
 * Only the fields that matter for {@link #kind()} are set; the rest are null or empty. {@code variants} holds the
 * types stated for particular databases with {@link #on} (Alembic's {@code with_variant}), by dialect name.
 */
public record ColumnType(TypeKind kind, Integer length, Integer precision, Integer scale,
                         List<String> enumValues, String rawSql, Map<String, ColumnType> variants) implements java.io.Serializable {

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        variants = variants == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    public ColumnType(TypeKind kind, Integer length, Integer precision, Integer scale, List<String> enumValues, String rawSql) {
        this(kind, length, precision, scale, enumValues, rawSql, Map.of());
    }

    /**
     * This type everywhere except on the named database, which gets {@code type}: {@code string(255).on('mysql',
     * sqlType('LONGTEXT'))}. The name is checked as {@code onDialect}'s is; {@code mysql} covers MariaDB too.
     */
    public ColumnType on(String dialect, ColumnType type) {
        Dialects.requireKnown(dialect, "type " + dslName() + ".on");
        Objects.requireNonNull(type, "the type for " + dialect);
        Map<String, ColumnType> v = new LinkedHashMap<>(variants);
        v.put(dialect.toLowerCase(java.util.Locale.ROOT), type.withoutVariants());
        return new ColumnType(kind, length, precision, scale, enumValues, rawSql, v);
    }

    /** The type that applies on a database: the variant stated for its own name, else one for a name it answers to, else this. */
    public ColumnType forDialect(Dialect dialect) {
        if (variants.isEmpty()) return this;
        ColumnType own = variants.get(dialect.name().toLowerCase(java.util.Locale.ROOT));
        if (own != null) return own;
        return variants.entrySet().stream().filter(e -> dialect.answersTo(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(withoutVariants());
    }

    public ColumnType withoutVariants() {
        return variants.isEmpty() ? this : new ColumnType(kind, length, precision, scale, enumValues, rawSql, Map.of());
    }

    /**
     * A floating-point type by its binary precision, as SQL's {@code FLOAT(p)}: up to 24 bits is the 4-byte
     * {@code real}, up to 53 the 8-byte {@code double}.
     */
    public static ColumnType floatOf(int precision) {
        if (precision >= 1 && precision <= 24) return of(TypeKind.FLOAT);
        if (precision >= 25 && precision <= 53) return of(TypeKind.DOUBLE);
        throw new IllegalArgumentException("float(" + precision + "): the precision is in bits, 1 to 24 for a 4-byte real, "
                + "25 to 53 for an 8-byte double");
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
        StringBuilder s = new StringBuilder(baseDslName());
        variants.forEach((dialect, type) -> s.append(".on('").append(dialect).append("', ").append(type.baseDslName()).append(')'));
        return s.toString();
    }

    private String baseDslName() {
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
