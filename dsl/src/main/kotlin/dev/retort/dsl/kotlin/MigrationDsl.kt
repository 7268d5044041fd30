package dev.retort.dsl.kotlin

import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.op.*
import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.type.ColumnType
import java.util.Collections
import java.util.IdentityHashMap

/**
 * The receiver of `upgrade { }` and `downgrade { }`: each call records one operation, the same records the
 * Groovy builder makes, so a Groovy revision and its Kotlin twin render the same SQL.
 */
@RetortDsl
class MigrationDsl @JvmOverloads constructor(
    /** Reads the files `sqlFile` names, relative to the revision's folder. */
    private val sqlFiles: SqlFileSource = SqlFileSource.NONE,
) {
    private val operations = mutableListOf<Operation>()
    // Identity, not equality: two identical calls on different lines are different operations.
    private val lines = IdentityHashMap<Operation, Int>()
    // Recorded inside safetyAssured { }: lint leaves them alone. By identity, like the lines.
    private val assured: MutableSet<Operation> = Collections.newSetFromMap(IdentityHashMap())
    private var assuring = false

    /** The operations recorded so far, in order. */
    fun operations(): List<Operation> = operations.toList()

    /** The script line that recorded each operation (nested ones included), so a failure can name it. */
    fun lines(): Map<Operation, Int> = Collections.unmodifiableMap(lines)

    /** The operations (nested ones included) recorded inside `safetyAssured { }`; they render as any other. */
    fun assured(): Set<Operation> = Collections.unmodifiableSet(assured)

    private fun record(op: Operation) {
        operations += op
        if (assuring) assured += op
        val line = scriptLine()
        if (line > 0) lines.putIfAbsent(op, line)
    }

    /** The receiver of a nested block; inside `safetyAssured { }` its operations are assured too. */
    private fun inner(): MigrationDsl = MigrationDsl(sqlFiles).also { it.assuring = assuring }

    /** Keeps the lines of a nested block's operations (`onDialect`, `autocommit`). */
    private fun nested(inner: MigrationDsl): List<Operation> {
        lines.putAll(inner.lines)
        assured.addAll(inner.assured)
        return inner.operations()
    }

    // ---- tables -----------------------------------------------------------------------------------

    fun createTable(name: String, schema: String? = null, ifNotExists: Boolean = false, comment: String? = null,
                    body: TableDsl.() -> Unit) {
        record(TableDsl(name).apply(body).build(schema, ifNotExists, comment))
    }

    fun dropTable(name: String, schema: String? = null, ifExists: Boolean = false) {
        record(DropTable(schema, name, ifExists))
    }

    fun renameTable(oldName: String, newName: String, schema: String? = null) {
        record(RenameTable(schema, oldName, newName))
    }

    // ---- columns ----------------------------------------------------------------------------------

    fun addColumn(
        table: String, name: String, type: ColumnType,
        primaryKey: Boolean = false, autoIncrement: Boolean = false, nullable: Boolean? = null, unique: Boolean = false,
        default: Any? = null, references: String? = null, onDelete: String? = null, onUpdate: String? = null,
        comment: String? = null, schema: String? = null, ifNotExists: Boolean = false,
    ) {
        val column = columnOf(table, name, type, primaryKey, autoIncrement, nullable, unique, default, references, onDelete, onUpdate, comment)
        record(AddColumn(schema, table, column, ifNotExists))
    }

    fun dropColumn(table: String, name: String, schema: String? = null, ifExists: Boolean = false) {
        record(DropColumn(schema, table, name, ifExists))
    }

    /**
     * Changes one column; a parameter left out leaves that aspect as it is. `default = null` drops the default and
     * `comment = null` drops the comment; the `existing*` values describe the column before the change.
     */
    fun alterColumn(
        table: String, name: String,
        type: ColumnType? = null, nullable: Boolean? = null, default: Any? = Unchanged, newName: String? = null,
        comment: String? = UNCHANGED_TEXT,
        existingType: ColumnType? = null, existingNullable: Boolean? = null, existingDefault: Any? = null,
        existingComment: String? = null, using: String? = null, schema: String? = null,
    ) {
        var op = AlterColumn.of(schema, table, name)
            .withType(type)
            .withNullable(nullable)
            .withNewName(newName)
            .withExistingType(existingType)
            .withExistingNullable(existingNullable)
            .withExistingDefault(existingDefault?.let { ColumnDefault.of(it) })
            .withExistingComment(existingComment)
            .withUsing(using)
        if (default !== Unchanged) op = op.withDefault(default?.let { ColumnDefault.of(it) })
        if (comment !== UNCHANGED_TEXT) op = op.withComment(comment)
        record(op)
    }

    fun renameColumn(table: String, oldName: String, newName: String, schema: String? = null) {
        record(RenameColumn(schema, table, oldName, newName))
    }

    // ---- indexes and constraints ------------------------------------------------------------------
    // A null name leaves the choice to retort.ini's naming_convention (or, without one, to the database).

    fun createIndex(name: String?, table: String, columns: List<String>, unique: Boolean = false, where: String? = null,
                    ifNotExists: Boolean = false, concurrently: Boolean = false, schema: String? = null) {
        record(CreateIndex.of(schema, name, table, columns).withUnique(unique).withWhere(where)
            .withIfNotExists(ifNotExists).withConcurrently(concurrently))
    }

    /** `table` is needed by MySQL and MariaDB, where an index belongs to its table. */
    fun dropIndex(name: String, table: String? = null, ifExists: Boolean = false, concurrently: Boolean = false, schema: String? = null) {
        record(DropIndex(schema, name, table, ifExists, concurrently))
    }

    fun createUniqueConstraint(name: String?, table: String, columns: List<String>, schema: String? = null) {
        record(CreateUniqueConstraint(schema, name, table, columns))
    }

    fun createPrimaryKey(name: String?, table: String, columns: List<String>, schema: String? = null) {
        record(CreatePrimaryKey(schema, name, table, columns))
    }

    fun createCheckConstraint(name: String?, table: String, sql: String, schema: String? = null, notValid: Boolean = false) {
        record(CreateCheckConstraint(schema, name, table, sql, notValid))
    }

    fun createForeignKey(name: String?, table: String, refTable: String, columns: List<String>, refColumns: List<String>,
                         onDelete: String? = null, onUpdate: String? = null, schema: String? = null, notValid: Boolean = false) {
        record(CreateForeignKey(schema, name, table, refTable, columns, refColumns, onDelete, onUpdate, notValid))
    }

    /** Checks the rows of a constraint added with `notValid = true`; nothing on databases that checked them already. */
    fun validateConstraint(name: String, table: String, schema: String? = null) {
        record(ValidateConstraint(schema, name, table))
    }

    /** `type`: "foreignKey", "unique", "check" or "primary" (MySQL needs it). */
    fun dropConstraint(name: String, table: String, type: String? = null, schema: String? = null, ifExists: Boolean = false) {
        record(DropConstraint(schema, name, table, type?.let { ConstraintType.fromDsl(it) }, listOf(), ifExists))
    }

    /** The foreign key on exactly these columns, whatever the database named it. */
    fun dropForeignKey(table: String, columns: List<String>, schema: String? = null, ifExists: Boolean = false) {
        record(DropConstraint.byColumns(schema, table, ConstraintType.FOREIGN_KEY, columns, ifExists))
    }

    /** The unique constraint on exactly these columns, whatever the database named it. */
    fun dropUniqueConstraint(table: String, columns: List<String>, schema: String? = null, ifExists: Boolean = false) {
        record(DropConstraint.byColumns(schema, table, ConstraintType.UNIQUE, columns, ifExists))
    }

    // ---- comments, data, raw SQL ------------------------------------------------------------------

    /** `text = null` drops the comment. */
    fun tableComment(table: String, text: String?, existingComment: String? = null, schema: String? = null) {
        record(TableComment(schema, table, text, existingComment))
    }

    fun insert(table: String, rows: List<Map<String, Any?>>, schema: String? = null) {
        record(Insert(schema, table, rows))
    }

    /** `dialect` limits the statement to one database, e.g. `dialect = "postgresql"`. */
    fun execute(sql: String, dialect: String? = null) {
        record(ExecuteSql(sql, dialect?.let { Dialects.requireKnown(it, "execute") }))
    }

    /**
     * `sqlFile("sql/V1__init.sql")`: the statements of an SQL file (relative to this revision's folder), read now and
     * cut into statements by the target database's rules (dollar quotes, `DELIMITER`, `GO`).
     */
    fun sqlFile(path: String) {
        record(SqlFile(path, sqlFiles.read(path)))
    }

    /** `onDialect("postgresql", "h2") { … }`: the block's operations apply on those databases only. */
    fun onDialect(vararg dialects: String, block: MigrationDsl.() -> Unit) {
        require(dialects.isNotEmpty()) { "onDialect needs one or more dialect names: onDialect(\"postgresql\") { … }" }
        dialects.forEach { Dialects.requireKnown(it, "onDialect") }
        record(OnDialect(dialects.toList(), nested(inner().apply(block))))
    }

    /**
     * `autocommit { createIndex("ix", "t", listOf("c"), concurrently = true) }`: operations that cannot run inside a
     * transaction. Where DDL is transactional, the run commits before the block and opens a new transaction after it.
     */
    fun autocommit(block: MigrationDsl.() -> Unit) {
        record(Autocommit(nested(inner().apply(block))))
    }

    /**
     * `safetyAssured { dropColumn("orders", "legacy") }`: the author has checked these operations are safe (no running code
     * reads the column any more), so `retort lint` reports nothing about them. The SQL is the same.
     */
    fun safetyAssured(block: MigrationDsl.() -> Unit) {
        val outer = assuring
        assuring = true
        try {
            block()
        } finally {
            assuring = outer
        }
    }

    /** A data migration against the live connection, in the migration's transaction. Online only. */
    fun connection(block: (java.sql.Connection) -> Unit) {
        record(RunWithConnection { c -> block(c as java.sql.Connection) })
    }

    /** The value of an `alterColumn` parameter that was left out, as opposed to an explicit null. */
    object Unchanged { override fun toString() = "Unchanged" }

    private companion object {
        // A distinct String instance compared by identity: `comment = null` drops the comment, leaving it out keeps it.
        @Suppress("StringOperationCanBeSimplified")
        val UNCHANGED_TEXT: String = String(charArrayOf('\u0000'))

        /** The line of the nearest calling frame compiled from a Kotlin script (revisions are `*.kts`); 0 when none is. */
        fun scriptLine(): Int = StackWalker.getInstance().walk { frames ->
            frames.filter { it.fileName?.endsWith(".kts") == true && !it.className.startsWith("dev.retort.") }
                .findFirst().map { it.lineNumber }.orElse(0)
        }
    }
}
