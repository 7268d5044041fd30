package dev.retort.dsl.kotlin

import dev.retort.dsl.op.CreateTable

/**
 * The implicit receiver of a Kotlin model script (`model.kts`): the schema the database should have, declared with
 * the same `createTable("t") { … }` builder as revisions. Autogenerate compares it with the live database.
 */
@RetortDsl
class ModelDsl {
    private val tables = MigrationDsl()

    fun createTable(name: String, schema: String? = null, comment: String? = null, body: TableDsl.() -> Unit) {
        tables.createTable(name, schema = schema, comment = comment, body = body)
    }

    /** The tables declared, in order. */
    fun tables(): List<CreateTable> = tables.operations().map { it as CreateTable }
}
