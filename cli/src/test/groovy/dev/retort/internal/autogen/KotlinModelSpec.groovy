package dev.retort.internal.autogen

import dev.retort.dsl.schema.SchemaModel
import dev.retort.internal.script.ScriptException
import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** {@code model.kts}: the Kotlin twin of a Groovy model, compiled through the revisions' compile cache. */
class KotlinModelSpec extends Specification {
    @TempDir Path tmp

    /** Writes a model file and loads it, as autogenerate does. */
    SchemaModel load(String fileName, String text) {
        Path file = tmp.resolve(fileName)
        Files.writeString(file, text)
        ModelLoader.standard(tmp.resolve('cache')).load(file)
    }

    def "a Kotlin model and its Groovy twin declare the same schema (#version)"() {
        expect:
        load('model.kts', kotlin) == load('model.groovy', groovy)
        load('model.kts', kotlin).tables()*.name() == ['usuarios', 'produtos', 'etiquetas']

        where:
        version | kotlin                          | groovy
        'v1'    | AutogenModels.KOTLIN_MODEL_V1  | AutogenModels.MODEL_V1
        'v2'    | AutogenModels.KOTLIN_MODEL_V2  | AutogenModels.MODEL_V2
    }

    def "a model.kts that does not compile is reported as file:line:column with the source line: #problem"() {
        when:
        load('model.kts', text)

        then:
        def e = thrown(ScriptException)
        e.message.startsWith(tmp.resolve('model.kts').toString() + ":$line:$column: ")
        e.message.contains(message)
        e.message.contains(shown)

        where:
        problem                   | line | column | message                                                       | shown
        'a misspelt type'         | 3    | 21     | "Unresolved reference 'integr'"                               | 'column("idade", integr)'
        'a revision operation'    | 5    | 1      | "'addColumn' belongs in a revision; a model declares tables only" | 'addColumn("t", "x", integer)'
        'a table inside a table'  | 3    | 5      | 'cannot be called in this context with an implicit receiver'   | 'createTable("inner") { }'
        text << [
                'createTable("t") {\n    column("id", integer)\n    column("idade", integr)\n}\n',
                'createTable("t") {\n    column("id", integer)\n}\n\naddColumn("t", "x", integer)\n',
                'createTable("t") {\n    column("id", integer)\n    createTable("inner") { }\n}\n']
    }

    def "a model.kts that fails while running is reported with its line"() {
        when:
        load('model.kts', 'createTable("t") {\n    column("id", integer)\n    column("x", integer, onDelete = "CASCADE")\n}\n')

        then:
        def e = thrown(ScriptException)
        e.message == tmp.resolve('model.kts').toString() + ':3: column \'t.x\': onDelete/onUpdate need references = "table.column"'
    }

    def "an unchanged model.kts is loaded from the compile cache without the Kotlin compiler; a changed one recompiles"() {
        given: 'a project whose model is a model.kts'
        def project = new TempProject(tmp.resolve('project'), null, [model: 'model.kts'])
        project.model('createTable("usuarios") {\n    column("id", integer, primaryKey = true)\n}\n')

        when: 'a first check in a fresh JVM compiles the model'
        def cold = project.runInFreshJvm(['-verbose:class'], 'check')

        then: 'the class-load log shows the compiler when it is used, so its absence below means something'
        cold.exitCode == 1
        cold.out.contains('add table usuarios')
        !compilerClassesLoaded(cold.out).isEmpty()
        project.cacheEntries().size() == 1

        when: 'a second fresh JVM finds the model in the cache'
        def warm = project.runInFreshJvm(['-verbose:class'], 'check')

        then:
        warm.exitCode == 1
        warm.out.contains('add table usuarios')
        compilerClassesLoaded(warm.out) == []
        warm.out.contains('Retort_model source: __JVM_DefineClass__')

        when: 'the model changes'
        project.model('createTable("clientes") {\n    column("id", integer, primaryKey = true)\n}\n')
        def changed = CliRun.of(['-c', project.ini.toString(), 'check'])

        then: 'the new text is compiled and cached beside the old entry'
        changed.exitCode == 1
        changed.out.contains('add table clientes')
        !changed.out.contains('usuarios')
        project.cacheEntries().size() == 2
    }

    static List<String> compilerClassesLoaded(String verboseLog) {
        dev.retort.internal.script.CompileCacheSpec.compilerClassesLoaded(verboseLog)
    }
}
