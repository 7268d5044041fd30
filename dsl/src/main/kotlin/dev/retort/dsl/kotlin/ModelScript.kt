package dev.retort.dsl.kotlin

import kotlin.script.experimental.annotations.KotlinScript
import kotlin.script.experimental.api.ScriptAcceptedLocation
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.acceptedLocations
import kotlin.script.experimental.api.baseClass
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.ide
import kotlin.script.experimental.api.implicitReceivers
import kotlin.script.experimental.jvm.dependenciesFromClassContext
import kotlin.script.experimental.jvm.jvm

/**
 * The Kotlin script definition of a target model (`model.kts`): no imports needed and a [ModelDsl] as implicit
 * receiver, so only `createTable` is in scope. A definition of its own, because a revision's receiver would offer
 * `upgrade { }` and every operation, which mean nothing in a model.
 */
@KotlinScript(
    displayName = "Retort model",
    fileExtension = "kts",
    filePathPattern = "(.*/)?model\\.kts",
    compilationConfiguration = ModelScriptCompilation::class,
)
abstract class ModelScript

/** What every compile of a model needs, in the IDE and in the runtime: the base class, imports and receiver. */
object ModelScriptBasics : ScriptCompilationConfiguration({
    baseClass(ModelScript::class)
    defaultImports("dev.retort.dsl.kotlin.*")
    implicitReceivers(ModelDsl::class)
})

/** The definition as the IDE uses it (see [RevisionScriptCompilation]); the runtime compiles with [ModelScriptBasics]. */
object ModelScriptCompilation : ScriptCompilationConfiguration(ModelScriptBasics, body = {
    jvm { dependenciesFromClassContext(ModelScript::class, wholeClasspath = true) }
    ide { acceptedLocations(ScriptAcceptedLocation.Everywhere) }
})
