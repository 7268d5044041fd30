package dev.retort.dsl.groovy;

import dev.retort.dsl.type.ColumnType;
import dev.retort.dsl.type.Types;

/**
 * Turns what a Groovy script passes as a type into a {@link ColumnType}. {@code boolean}, {@code float} and
 * {@code double} are Groovy keywords that evaluate to primitive classes, so those classes are accepted too.
 */
final class TypeArguments {
    private TypeArguments() {}

    static ColumnType toColumnType(Object type, String where) {
        if (type instanceof ColumnType t) return t;
        if (type == boolean.class || type == Boolean.class) return Types.BOOLEAN;
        if (type == float.class || type == Float.class) return Types.FLOAT;
        if (type == double.class || type == Double.class) return Types.DOUBLE;
        if (type == int.class || type == Integer.class) return Types.INTEGER;
        if (type == long.class || type == Long.class) return Types.BIGINT;
        if (type == short.class || type == Short.class) return Types.SMALLINT;
        if (type == String.class) return Types.STRING;
        throw new IllegalArgumentException(where + ": '" + type + "' is not a column type; use integer, bigint, smallint, boolean, "
                + "string(n), text, numeric(p, s), float, double, date, time, timestamp, timestampTz, binary(n), blob, uuid, "
                + "json, enumOf('a', 'b') or sqlType('…')");
    }
}
