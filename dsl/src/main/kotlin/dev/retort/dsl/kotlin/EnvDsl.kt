package dev.retort.dsl.kotlin

import dev.retort.dsl.env.EnvironmentHooks
import dev.retort.dsl.env.MigrationStep
import dev.retort.dsl.env.SchemaObject
import dev.retort.dsl.env.StepOutcome
import java.sql.Connection

/**
 * The implicit receiver of a Kotlin environment script (`env.kts` beside `retort.ini`), Alembic's `env.py`: running
 * the script registers hooks, which Retort calls while it connects, migrates and compares.
 *
 * @property section the section of `retort.ini` chosen for this run (`-n prod`); `retort` when none was
 */
@RetortDsl
class EnvDsl(val section: String) {
    private val hooks = EnvironmentHooks.builder()

    /** Runs on every connection Retort takes, before it is used: `c.createStatement().use { it.execute("SET search_path TO app") }`. */
    fun configureConnection(block: (Connection) -> Unit) {
        hooks.configureConnection { c -> block(c) }
    }

    /** Runs before each revision's step, online and offline. */
    fun beforeEach(block: (MigrationStep) -> Unit) {
        hooks.beforeEach { step -> block(step) }
    }

    /** Runs after each step that succeeded. */
    fun afterEach(block: (MigrationStep, StepOutcome) -> Unit) {
        hooks.afterEach { step, result -> block(step, result) }
    }

    /** Runs after a step failed; the failure is reported after it all the same. */
    fun onFailure(block: (MigrationStep, Throwable) -> Unit) {
        hooks.onFailure { step, error -> block(step, error) }
    }

    /** Autogenerate and `check` leave out every table, column, index and constraint for which the block is false. */
    fun includeObject(block: (SchemaObject) -> Boolean) {
        hooks.includeObject { obj -> block(obj) }
    }

    /** The hooks the script registered; the runtime reads them after the script ran. */
    fun recordedHooks(): EnvironmentHooks = hooks.build()
}
