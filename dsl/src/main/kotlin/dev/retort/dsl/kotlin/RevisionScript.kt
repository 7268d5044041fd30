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
 * The Kotlin script definition of a revision (`*.kts` under a `versions` folder): no imports needed and a
 * [RevisionDsl] as implicit receiver. IntelliJ finds it through `META-INF/kotlin/script/templates` in this jar.
 */
@KotlinScript(
    displayName = "Retort revision",
    fileExtension = "kts",
    filePathPattern = "(.*/)?versions/.+\\.kts",
    compilationConfiguration = RevisionScriptCompilation::class,
)
abstract class RevisionScript

/** What every compile of a revision needs, in the IDE and in the runtime: the base class, imports and receiver. */
object RevisionScriptBasics : ScriptCompilationConfiguration({
    baseClass(RevisionScript::class)
    defaultImports("dev.retort.dsl.kotlin.*")
    implicitReceivers(RevisionDsl::class)
})

/**
 * The definition as the IDE uses it: the basics plus the classpath the definition was loaded from. The runtime
 * does not use this one; it compiles with an explicit classpath of absolute paths.
 */
object RevisionScriptCompilation : ScriptCompilationConfiguration(RevisionScriptBasics, body = {
    jvm { dependenciesFromClassContext(RevisionScript::class, wholeClasspath = true) }
    ide { acceptedLocations(ScriptAcceptedLocation.Everywhere) }
})
