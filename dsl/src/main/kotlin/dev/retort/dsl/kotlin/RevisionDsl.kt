package dev.retort.dsl.kotlin

import dev.retort.dsl.op.Operation
import dev.retort.dsl.op.SqlFileSource

/**
 * The implicit receiver of every Kotlin revision script. Running the script records its blocks; the blocks run
 * later, when the runtime asks for the upgrade or downgrade operations.
 */
@RetortDsl
class RevisionDsl @JvmOverloads constructor(
    /** Where this revision's `sqlFile` paths are read; the runtime resolves them against the revision's folder. */
    private val sqlFiles: SqlFileSource = SqlFileSource.NONE,
) {
    private var upgradeBlock: (MigrationDsl.() -> Unit)? = null
    private var downgradeBlock: (MigrationDsl.() -> Unit)? = null

    // The header is read from the source text without compiling (see the runtime's header reader);
    // these calls exist so the script compiles and an IDE completes them.
    fun revision(id: String) {}
    fun revises(vararg parents: String) {}
    fun message(text: String) {}
    fun branchLabels(vararg labels: String) {}
    fun dependsOn(vararg revisions: String) {}
    fun adopts(vararg versions: String) {}
    /** A squash's header: the revisions it stands for, oldest first. */
    fun replaces(vararg revisions: String) {}

    fun upgrade(block: MigrationDsl.() -> Unit) {
        check(upgradeBlock == null) { "upgrade { } is declared twice" }
        upgradeBlock = block
    }

    fun downgrade(block: MigrationDsl.() -> Unit) {
        check(downgradeBlock == null) { "downgrade { } is declared twice" }
        downgradeBlock = block
    }

    fun hasDowngrade(): Boolean = downgradeBlock != null

    /** The upgrade block run into a fresh builder, which holds its operations and the line of each. */
    fun recordUpgrade(): MigrationDsl = run(upgradeBlock)

    /** The downgrade block run into a fresh builder; empty when there is none. */
    fun recordDowngrade(): MigrationDsl = run(downgradeBlock)

    /** The operations of the upgrade block, recorded afresh on each call. */
    fun upgradeOperations(): List<Operation> = recordUpgrade().operations()

    /** The operations of the downgrade block; empty when there is none (the runtime then derives it). */
    fun downgradeOperations(): List<Operation> = recordDowngrade().operations()

    private fun run(block: (MigrationDsl.() -> Unit)?): MigrationDsl {
        val dsl = MigrationDsl(sqlFiles)
        block?.invoke(dsl)
        return dsl
    }
}
