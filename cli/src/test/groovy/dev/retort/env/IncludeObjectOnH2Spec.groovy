package dev.retort.env

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code includeObject} in both languages: autogenerate and {@code check} leave out the tables, columns, indexes and
 * constraints it rejects, on the database's side and on the model's.
 */
class IncludeObjectOnH2Spec extends Specification {
    @TempDir Path tmp
    TempProject project
    Path log

    def setup() {
        project = new TempProject(tmp)
        project.ini.text += 'model = model.groovy\n'
        log = tmp.resolve('objects.log')
        project.revision('2000bbbb0001', """
            revision '2000bbbb0001'
            message 'schema with objects another tool owns'
            upgrade {
                createTable('usuarios') {
                    column 'id', integer, primaryKey: true
                    column 'nome', string(40)
                    column 'internal_note', string(100)
                    index 'ix_usuarios_nome', ['nome']
                }
                createTable('legacy_audit') { column 'id', integer, primaryKey: true }
            }
            """)
        // The model knows none of them, and declares one table the filter keeps out of the comparison too.
        Files.writeString(tmp.resolve('model.groovy'), """
            createTable('usuarios') {
                column 'id', integer, primaryKey: true
                column 'nome', string(40)
            }
            createTable('legacy_shadow') { column 'id', integer, primaryKey: true }
            """.stripIndent())
    }

    /** Rejects legacy_* tables, one column and one index; logs every object it is asked about. */
    static String filteringEnv(String language, Path log) {
        language == 'groovy' ? """
            def log = new File('${log}')
            includeObject { obj ->
                log << "\${obj.type} \${obj.name} \${obj.table} \${obj.reflected}\\n"
                !(obj.table.startsWith('legacy_') || obj.name in ['internal_note', 'ix_usuarios_nome'])
            }
            """.stripIndent() : """
            val log = java.io.File("${log}")
            includeObject { obj ->
                log.appendText("\${obj.type} \${obj.name} \${obj.table} \${obj.reflected}\\n")
                !(obj.table.startsWith("legacy_") || obj.name in listOf("internal_note", "ix_usuarios_nome"))
            }
            """.stripIndent()
    }

    Path generatedFile() {
        Files.list(project.versions).withCloseable { s -> s.filter { it.fileName.toString().contains('2000bbbb0002') }.findFirst().get() }
    }

    def "without an environment script, check reports what another tool owns"() {
        given:
        project.run('upgrade', 'head')

        when:
        def check = project.run('check')

        then:
        check.exitCode == 1
        check.out.readLines().drop(1)*.trim() as Set == ['add table legacy_shadow', 'remove index ix_usuarios_nome on usuarios [nome]',
                                                         'remove column usuarios.internal_note', 'remove table legacy_audit'] as Set
    }

    def "#language: check and autogenerate skip the tables, columns and indexes includeObject rejects"() {
        given:
        project.run('upgrade', 'head')
        Files.writeString(tmp.resolve(language == 'groovy' ? 'env.groovy' : 'env.kts'), filteringEnv(language, log))

        when:
        def check = project.run('check')
        def generated = project.run('revision', '--autogenerate', '-m', 'nothing to do', '--rev-id', '2000bbbb0002')

        then:
        check.exitCode == 0
        check.out.trim() == 'No new upgrade operations detected.'
        generated.exitCode == 0
        generatedFile().text.contains('// no differences between the model and the database')

        and: 'the filter saw both sides, each object with its type and table'
        def seen = log.readLines() as Set
        seen.containsAll(['table usuarios usuarios true', 'table usuarios usuarios false', 'table legacy_audit legacy_audit true',
                          'table legacy_shadow legacy_shadow false', 'column internal_note usuarios true', 'column nome usuarios false',
                          'index ix_usuarios_nome usuarios true'])
        !seen.any { it.startsWith('column') && it.contains('legacy_') }

        where:
        language << ['groovy', 'kotlin']
    }
}
