package dev.retort.dsl.kotlin

import dev.retort.dsl.op.CreateTable
import dev.retort.dsl.schema.Column
import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.schema.ForeignKeyRef
import dev.retort.dsl.schema.IndexDef
import dev.retort.dsl.schema.TableConstraint
import dev.retort.dsl.type.ColumnType

/** The inside of `createTable("t") { … }`: records columns, constraints and indexes. */
@RetortDsl
class TableDsl internal constructor(private val table: String) {
    private val columns = mutableListOf<Column>()
    private val constraints = mutableListOf<TableConstraint>()
    private val indexes = mutableListOf<IndexDef>()

    /** `nullable` defaults to true, and to false for a primary key; `default` is a literal, `now()` or `sqlExpr("…")`. */
    fun column(
        name: String, type: ColumnType,
        primaryKey: Boolean = false, autoIncrement: Boolean = false, nullable: Boolean? = null, unique: Boolean = false,
        default: Any? = null, references: String? = null, onDelete: String? = null, onUpdate: String? = null,
        comment: String? = null,
    ) {
        columns += columnOf(table, name, type, primaryKey, autoIncrement, nullable, unique, default, references, onDelete, onUpdate, comment)
    }

    fun primaryKey(columns: List<String>) { constraints += TableConstraint.PrimaryKey(null, columns) }
    fun primaryKey(name: String?, columns: List<String>) { constraints += TableConstraint.PrimaryKey(name, columns) }

    fun unique(columns: List<String>) { constraints += TableConstraint.Unique(null, columns) }
    fun unique(name: String?, columns: List<String>) { constraints += TableConstraint.Unique(name, columns) }

    fun foreignKey(columns: List<String>, refTable: String, refColumns: List<String>, onDelete: String? = null, onUpdate: String? = null) {
        foreignKey(null, columns, refTable, refColumns, onDelete, onUpdate)
    }
    fun foreignKey(name: String?, columns: List<String>, refTable: String, refColumns: List<String>,
                   onDelete: String? = null, onUpdate: String? = null) {
        constraints += TableConstraint.ForeignKey(name, columns, refTable, refColumns, onDelete, onUpdate)
    }

    fun index(name: String?, columns: List<String>, unique: Boolean = false) { indexes += IndexDef(name, columns, unique) }
    /** An index named by retort.ini's naming_convention. */
    fun index(columns: List<String>, unique: Boolean = false) { indexes += IndexDef(null, columns, unique) }

    fun check(name: String?, sql: String) { constraints += TableConstraint.Check(name, sql) }

    internal fun build(schema: String?, ifNotExists: Boolean, comment: String?): CreateTable =
        CreateTable(schema, table, columns, constraints, indexes, ifNotExists, comment)
}

/** One reading of the column options, shared by `column` and `addColumn` (the same rules as the Groovy builder). */
internal fun columnOf(
    table: String, name: String, type: ColumnType,
    primaryKey: Boolean, autoIncrement: Boolean, nullable: Boolean?, unique: Boolean,
    default: Any?, references: String?, onDelete: String?, onUpdate: String?, comment: String?,
): Column {
    require(references != null || (onDelete == null && onUpdate == null)) {
        "column '$table.$name': onDelete/onUpdate need references = \"table.column\""
    }
    return Column.of(name, type)
        .withNullable(nullable ?: !primaryKey)
        .withPrimaryKey(primaryKey)
        .withAutoIncrement(autoIncrement)
        .withUnique(unique)
        .withDefault(default?.let { ColumnDefault.of(it) })
        .withReferences(references?.let { ForeignKeyRef.parse(it, onDelete, onUpdate) })
        .withComment(comment)
}
