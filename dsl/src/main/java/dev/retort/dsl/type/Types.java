package dev.retort.dsl.type;

import java.util.Arrays;

/** The type vocabulary shared by the Groovy and Kotlin builders: one place that names each generic type. */
public final class Types {
    private Types() {}

    public static final ColumnType INTEGER = ColumnType.of(TypeKind.INTEGER);
    public static final ColumnType BIGINT = ColumnType.of(TypeKind.BIGINT);
    public static final ColumnType SMALLINT = ColumnType.of(TypeKind.SMALLINT);
    public static final ColumnType BOOLEAN = ColumnType.of(TypeKind.BOOLEAN);
    public static final ColumnType STRING = ColumnType.string(null);
    public static final ColumnType TEXT = ColumnType.of(TypeKind.TEXT);
    public static final ColumnType NUMERIC = ColumnType.numeric(null, null);
    public static final ColumnType FLOAT = ColumnType.of(TypeKind.FLOAT);
    public static final ColumnType DOUBLE = ColumnType.of(TypeKind.DOUBLE);
    public static final ColumnType DATE = ColumnType.of(TypeKind.DATE);
    public static final ColumnType TIME = ColumnType.of(TypeKind.TIME);
    public static final ColumnType TIMESTAMP = ColumnType.of(TypeKind.TIMESTAMP);
    public static final ColumnType TIMESTAMP_TZ = ColumnType.of(TypeKind.TIMESTAMP_TZ);
    public static final ColumnType BLOB = ColumnType.of(TypeKind.BLOB);
    public static final ColumnType UUID = ColumnType.of(TypeKind.UUID);
    public static final ColumnType JSON = ColumnType.of(TypeKind.JSON);

    public static ColumnType string(int length) { return ColumnType.string(length); }
    public static ColumnType numeric(int precision, int scale) { return ColumnType.numeric(precision, scale); }
    public static ColumnType numeric(int precision) { return ColumnType.numeric(precision, null); }
    public static ColumnType binary(int length) { return ColumnType.binary(length); }
    public static ColumnType enumOf(String... values) { return ColumnType.enumOf(Arrays.asList(values)); }
    public static ColumnType sqlType(String sql) { return ColumnType.sql(sql); }
    /** {@code float(24)}: a 4-byte real; {@code float(53)}: an 8-byte double (the precision is in bits). */
    public static ColumnType floatOf(int precision) { return ColumnType.floatOf(precision); }
}
