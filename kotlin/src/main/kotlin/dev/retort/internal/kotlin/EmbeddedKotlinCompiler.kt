package dev.retort.internal.kotlin

import dev.retort.internal.script.CompiledScriptClasses
import dev.retort.internal.script.KotlinCompilerBridge

import dev.retort.dsl.kotlin.EnvScriptBasics
import dev.retort.dsl.kotlin.ModelScriptBasics
import dev.retort.dsl.kotlin.RevisionScript
import dev.retort.dsl.kotlin.RevisionScriptBasics
import java.io.File
import java.nio.file.Files
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
import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.common.arguments.K2JVMCompilerArguments
import org.jetbrains.kotlin.cli.common.arguments.parseCommandLineArguments
import org.jetbrains.kotlin.cli.common.messages.CompilerMessageSeverity
import org.jetbrains.kotlin.cli.common.messages.CompilerMessageSourceLocation
import org.jetbrains.kotlin.cli.common.messages.MessageCollector
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import org.jetbrains.kotlin.config.Services

/**
 * Compiles Kotlin scripts in-process and hands back their class files: one revision, model or environment script at a
 * time through the Kotlin scripting host, or a batch of revisions as one module in one compiler session. The only class
 * that refers to the compiler; found through ServiceLoader on a compile-cache miss.
 */
class EmbeddedKotlinCompiler : KotlinCompilerBridge {
    private val compiler = JvmScriptCompiler(defaultJvmScriptingHostConfiguration)

    override fun compile(definition: KotlinCompilerBridge.Definition, scriptName: String, text: String,
                         classpath: List<Path>): KotlinCompilerBridge.Outcome {
        val basics = when (definition) {
            KotlinCompilerBridge.Definition.REVISION -> RevisionScriptBasics
            KotlinCompilerBridge.Definition.MODEL -> ModelScriptBasics
            KotlinCompilerBridge.Definition.ENV -> EnvScriptBasics
        }
        val configuration = ScriptCompilationConfiguration(basics) {
            jvm { updateClasspath(classpath.map { it.toFile() }) }
            compilerOptions(JVM_TARGET)
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
                KotlinCompilerBridge.Outcome.Failed(start?.line ?: 0, start?.col ?: 0, error?.message ?: "does not compile")
            }
        }
    }

    override fun compileAll(scripts: List<KotlinCompilerBridge.Script>, classpath: List<Path>): List<KotlinCompilerBridge.Outcome> {
        val work = Files.createTempDirectory("retort-kotlin-")
        try {
            // The definition applies to *.kts under a folder named versions (its filePathPattern).
            val sources = Files.createDirectories(work.resolve("versions"))
            val output = Files.createDirectories(work.resolve("classes"))
            val files = scripts.map { s -> sources.resolve(s.name).also { Files.writeString(it, s.text) } }
            val arguments = K2JVMCompilerArguments()
            parseCommandLineArguments(
                listOf("-script-templates", RevisionScript::class.java.name,
                    // Compile .kts files as sources (not run them), with the full parser K2 needs for scripts.
                    "-Xallow-any-scripts-in-source-roots", "-Xuse-fir-lt=false",
                    "-no-stdlib", "-no-reflect", *JVM_TARGET.toTypedArray(),
                    "-classpath", classpath.joinToString(File.pathSeparator) { it.toString() },
                    "-d", output.toString()) + files.map { it.toString() },
                arguments)
            val errors = ErrorCollector()
            val exit = K2JVMCompiler().exec(errors, Services.EMPTY, arguments)
            if (exit != ExitCode.OK || errors.hasErrors()) {
                return files.map { f ->
                    val e = errors.first(f)
                    KotlinCompilerBridge.Outcome.Failed(e?.line ?: 0, e?.column ?: 0,
                        e?.message ?: errors.firstMessage() ?: "the batch did not compile")
                }
            }
            return scripts.map { s -> KotlinCompilerBridge.Outcome.Compiled(classesOf(output, scriptClassName(s.name))) }
        } finally {
            work.toFile().deleteRecursively()
        }
    }

    /** The compiler's name for a script's class: its file name without the extension, first letter capitalised. */
    private fun scriptClassName(fileName: String): String = fileName.removeSuffix(".kts").replaceFirstChar { it.uppercaseChar() }

    /** The script's class file and those of its nested and local classes. */
    private fun classesOf(output: Path, mainClass: String): CompiledScriptClasses {
        val classes = Files.list(output).use { files ->
            files.filter { f ->
                val name = f.fileName.toString()
                name == "$mainClass.class" || name.startsWith("$mainClass\$") && name.endsWith(".class")
            }.toList()
        }.associate { it.fileName.toString().removeSuffix(".class") to Files.readAllBytes(it) }
        return CompiledScriptClasses(mainClass, classes)
    }

    private data class Located(val path: String, val line: Int, val column: Int, val message: String)

    /** Keeps the compiler's errors with their positions; warnings and progress messages are dropped. */
    private class ErrorCollector : MessageCollector {
        private val errors = mutableListOf<Located>()
        private val unlocated = mutableListOf<String>()

        override fun clear() { errors.clear(); unlocated.clear() }
        override fun hasErrors() = errors.isNotEmpty() || unlocated.isNotEmpty()
        override fun report(severity: CompilerMessageSeverity, message: String, location: CompilerMessageSourceLocation?) {
            if (!severity.isError) return
            if (location == null) unlocated += message
            else errors += Located(location.path, location.line, location.column, message)
        }

        fun first(file: Path): Located? = errors.firstOrNull { Path.of(it.path).toAbsolutePath() == file.toAbsolutePath() }
        fun firstMessage(): String? = (errors.map { "${Path.of(it.path).fileName}: ${it.message}" } + unlocated).firstOrNull()
    }

    companion object {
        /** Part of the compile-cache key (see KotlinRevisionCompiler), so keep the two in step. */
        val JVM_TARGET = listOf("-jvm-target", "17")
    }
}
