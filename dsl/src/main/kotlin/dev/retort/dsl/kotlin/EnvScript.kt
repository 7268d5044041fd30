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
 * The Kotlin script definition of an environment script (`env.kts` beside `retort.ini`): no imports needed and an
 * [EnvDsl] as implicit receiver, so the hooks (`configureConnection`, `beforeEach`, `includeObject`, …) are in scope.
 */
@KotlinScript(
    displayName = "Retort environment",
    fileExtension = "kts",
    filePathPattern = "(.*/)?env\\.kts",
    compilationConfiguration = EnvScriptCompilation::class,
)
abstract class EnvScript

/** What every compile of an environment script needs, in the IDE and in the runtime: the base class, imports and receiver. */
object EnvScriptBasics : ScriptCompilationConfiguration({
    baseClass(EnvScript::class)
    defaultImports("dev.retort.dsl.kotlin.*", "dev.retort.dsl.env.*")
    implicitReceivers(EnvDsl::class)
})

/** The definition as the IDE uses it (see [RevisionScriptCompilation]); the runtime compiles with [EnvScriptBasics]. */
object EnvScriptCompilation : ScriptCompilationConfiguration(EnvScriptBasics, body = {
    jvm { dependenciesFromClassContext(EnvScript::class, wholeClasspath = true) }
    ide { acceptedLocations(ScriptAcceptedLocation.Everywhere) }
})
