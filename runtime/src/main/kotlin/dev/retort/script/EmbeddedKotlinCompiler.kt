package dev.retort.script

import dev.retort.dsl.kotlin.RevisionScriptBasics
import java.nio.file.Path
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.compilerOptions
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.impl.internalScriptingRunSuspend
import kotlin.script.experimental.jvm.defaultJvmScriptingHostConfiguration
import kotlin.script.experimental.jvm.impl.KJvmCompiledModuleInMemory
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.updateClasspath
import kotlin.script.experimental.jvmhost.JvmScriptCompiler

/**
 * Compiles Kotlin revision scripts in-process with the Kotlin scripting host and hands back their class files.
 * The only class that refers to the compiler; loaded by name on a compile-cache miss.
 */
class EmbeddedKotlinCompiler : KotlinCompilerBridge {
    private val compiler = JvmScriptCompiler(defaultJvmScriptingHostConfiguration)

    override fun compile(scriptName: String, text: String, classpath: List<Path>): KotlinCompilerBridge.Outcome {
        val configuration = ScriptCompilationConfiguration(RevisionScriptBasics) {
            jvm { updateClasspath(classpath.map { it.toFile() }) }
            compilerOptions(COMPILER_OPTIONS)
        }
        @Suppress("DEPRECATION_ERROR", "INVISIBLE_REFERENCE")
        val result = internalScriptingRunSuspend { compiler(text.toScriptSource(scriptName), configuration) }
        return when (result) {
            is ResultWithDiagnostics.Success -> {
                val script = result.value as KJvmCompiledScript
                val module = script.getCompiledModule() as KJvmCompiledModuleInMemory
                val classes = module.compilerOutputFiles
                    .filterKeys { it.endsWith(".class") }
                    .mapKeys { (path, _) -> path.removeSuffix(".class").replace('/', '.') }
                KotlinCompilerBridge.Outcome.Compiled(CompiledScriptClasses(script.scriptClassFQName, classes))
            }
            is ResultWithDiagnostics.Failure -> {
                val error = result.reports.firstOrNull { it.severity >= ScriptDiagnostic.Severity.ERROR }
                    ?: result.reports.firstOrNull()
                val start = error?.location?.start
                KotlinCompilerBridge.Outcome.Failed(start?.line ?: 0, start?.col ?: 0,
                    error?.message ?: "does not compile")
            }
        }
    }

    companion object {
        /** Part of the compile-cache key (see KotlinRevisionCompiler), so keep the two in step. */
        val COMPILER_OPTIONS = listOf("-jvm-target", "17")
    }
}
