// The column types and default expressions a Kotlin revision names (`integer`, `string(100)`, `now()`).
// Top-level, so they resolve in every block whatever its receiver, without breaking the @RetortDsl scoping.
@file:JvmName("Vocabulary")

package dev.retort.dsl.kotlin

import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.type.ColumnType
import dev.retort.dsl.type.Types

val integer: ColumnType get() = Types.INTEGER
val bigint: ColumnType get() = Types.BIGINT
val smallint: ColumnType get() = Types.SMALLINT
val boolean: ColumnType get() = Types.BOOLEAN
val string: ColumnType get() = Types.STRING
val text: ColumnType get() = Types.TEXT
val numeric: ColumnType get() = Types.NUMERIC
val float: ColumnType get() = Types.FLOAT
val double: ColumnType get() = Types.DOUBLE
/** The 4-byte float, as `float(24)`. */
val real: ColumnType get() = Types.FLOAT
val date: ColumnType get() = Types.DATE
val time: ColumnType get() = Types.TIME
val timestamp: ColumnType get() = Types.TIMESTAMP
val timestampTz: ColumnType get() = Types.TIMESTAMP_TZ
val blob: ColumnType get() = Types.BLOB
val uuid: ColumnType get() = Types.UUID
val json: ColumnType get() = Types.JSON

fun string(length: Int): ColumnType = Types.string(length)
fun numeric(precision: Int, scale: Int): ColumnType = Types.numeric(precision, scale)
fun numeric(precision: Int): ColumnType = Types.numeric(precision)
fun binary(length: Int): ColumnType = Types.binary(length)
fun enumOf(vararg values: String): ColumnType = Types.enumOf(*values)
fun sqlType(sql: String): ColumnType = Types.sqlType(sql)
/** A float by its precision in bits: `float(24)` is the 4-byte `real`, `float(53)` the 8-byte `double`. */
fun float(precision: Int): ColumnType = Types.floatOf(precision)

/** The current timestamp as a column default: `default = now()`. */
fun now(): ColumnDefault = ColumnDefault.CurrentTimestamp()

/** SQL text used as it is for a column default: `default = sqlExpr("gen_random_uuid()")`. */
fun sqlExpr(sql: String): ColumnDefault = ColumnDefault.Expression(sql)
