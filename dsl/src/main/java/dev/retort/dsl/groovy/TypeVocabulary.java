package dev.retort.dsl.groovy;

import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.type.ColumnType;
import dev.retort.dsl.type.Types;

/**
 * The types and default expressions a Groovy script names ({@code integer}, {@code string(100)}, {@code now()}).
 * Builders extend it so the words resolve inside every block, whatever its delegate.
 */
public abstract class TypeVocabulary {
    public ColumnType getInteger() { return Types.INTEGER; }
    public ColumnType getBigint() { return Types.BIGINT; }
    public ColumnType getSmallint() { return Types.SMALLINT; }
    public ColumnType getString() { return Types.STRING; }
    public ColumnType getText() { return Types.TEXT; }
    public ColumnType getNumeric() { return Types.NUMERIC; }
    public ColumnType getDate() { return Types.DATE; }
    public ColumnType getTime() { return Types.TIME; }
    public ColumnType getTimestamp() { return Types.TIMESTAMP; }
    public ColumnType getTimestampTz() { return Types.TIMESTAMP_TZ; }
    public ColumnType getBlob() { return Types.BLOB; }
    public ColumnType getUuid() { return Types.UUID; }
    public ColumnType getJson() { return Types.JSON; }
    /** The 4-byte float; {@code float} is a Groovy keyword, so {@code float(24)} is written {@code real} here. */
    public ColumnType getReal() { return Types.FLOAT; }

    public ColumnType string(int length) { return Types.string(length); }
    public ColumnType numeric(int precision, int scale) { return Types.numeric(precision, scale); }
    public ColumnType numeric(int precision) { return Types.numeric(precision); }
    public ColumnType binary(int length) { return Types.binary(length); }
    public ColumnType enumOf(String... values) { return Types.enumOf(values); }
    public ColumnType sqlType(String sql) { return Types.sqlType(sql); }

    public ColumnDefault now() { return new ColumnDefault.CurrentTimestamp(); }
    public ColumnDefault sqlExpr(String sql) { return new ColumnDefault.Expression(sql); }
}
