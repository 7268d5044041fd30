package dev.retort.internal.script

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** Kotlin revisions through the CLI: mixed chains with Groovy, compile errors, and new .kts revisions from templates. */
class KotlinRevisionsCliSpec extends Specification {
    @TempDir Path dir

    /** The project's tables and the version table; Retort's history and lock tables are left out. */
    Set<String> tables(TempProject project) {
        (project.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")*.get(0) as Set) -
                ['RETORT_HISTORY', 'RETORT_VERSION_LOCK']
    }

    List<String> columns(TempProject project, String table) {
        project.rows("SELECT column_name FROM information_schema.columns WHERE table_name = '$table' ORDER BY ordinal_position")*.get(0)
    }

    def "a Groovy -> Kotlin -> Groovy chain upgrades and downgrades step by step"() {
        given:
        def project = new TempProject(dir)
        project.write('1_clientes.groovy', '''
            revision '1975ea83b712'
            message 'create clientes'
            upgrade {
                createTable('clientes') {
                    column 'id', integer, primaryKey: true
                    column 'nombre', string(100), nullable: false
                }
            }
            ''')
        project.write('2_registro.kts', '''
            revision("3f2a1c9d0b7e")
            revises("1975ea83b712")
            message("create registro_entrada")

            upgrade {
                createTable("registro_entrada") {
                    column("id", integer, primaryKey = true)
                    column("cliente_id", integer, nullable = false, references = "clientes.id", onDelete = "CASCADE")
                    column("fecha_entrada", timestamp, default = now())
                    index("ix_registro_cliente", listOf("cliente_id"))
                }
                addColumn("clientes", "telefono", string(20))
            }
            ''')
        project.write('3_motivo.groovy', '''
            revision 'ae1027a6acf4'
            revises '3f2a1c9d0b7e'
            message 'add motivo'
            upgrade {
                addColumn 'registro_entrada', 'motivo', string(200)
                insert 'clientes', [[id: 1, nombre: 'Ana', telefono: '555']]
            }
            downgrade {
                execute 'DELETE FROM clientes'
                dropColumn 'registro_entrada', 'motivo'
            }
            ''')

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 0
        up.out.readLines() == ['Running upgrade  -> 1975ea83b712, create clientes',
                               'Running upgrade 1975ea83b712 -> 3f2a1c9d0b7e, create registro_entrada',
                               'Running upgrade 3f2a1c9d0b7e -> ae1027a6acf4, add motivo']
        tables(project) == ['CLIENTES', 'REGISTRO_ENTRADA', 'RETORT_VERSION'] as Set
        columns(project, 'REGISTRO_ENTRADA') == ['ID', 'CLIENTE_ID', 'FECHA_ENTRADA', 'MOTIVO']
        columns(project, 'CLIENTES') == ['ID', 'NOMBRE', 'TELEFONO']

        when: 'down through the Groovy head into the Kotlin revision, whose downgrade is derived'
        def down1 = project.run('downgrade', '-1')
        def down2 = project.run('downgrade', '-1')

        then:
        down1.exitCode == 0
        down1.out.readLines() == ['Running downgrade ae1027a6acf4 -> 3f2a1c9d0b7e, add motivo']
        down2.exitCode == 0
        down2.out.readLines() == ['Running downgrade 3f2a1c9d0b7e -> 1975ea83b712, create registro_entrada']
        tables(project) == ['CLIENTES', 'RETORT_VERSION'] as Set
        columns(project, 'CLIENTES') == ['ID', 'NOMBRE']

        when:
        def again = project.run('upgrade', 'head')
        def base = project.run('downgrade', 'base')

        then:
        again.exitCode == 0
        again.out.readLines().size() == 2
        base.exitCode == 0
        base.out.readLines().size() == 3
        tables(project) == ['RETORT_VERSION'] as Set
    }

    def "a #language compile error names file:line:column, shows the source line and exits 1"() {
        given:
        def project = new TempProject(dir)
        def file = project.write("bad$extension", text)

        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.out == ''
        def lines = run.err.readLines()
        lines[0].startsWith("error: ${file}:${line}:${column}: ")
        lines[0].contains(message)
        lines[1].strip() == sourceLine
        lines[2].indexOf('^') == 4 + column - 1 - indent
        !run.err.contains('\tat ')
        !tables(project).contains("T")

        where:
        language | extension | line | column | indent | message                 | sourceLine                                | text
        'Kotlin' | '.kts'    | 5    | 22     | 8      | "Unresolved reference 'integr'" | 'column("id", integr, primaryKey = true)' | 'revision("aaaaaaaaaaaa")\n\nupgrade {\n    createTable("t") {\n        column("id", integr, primaryKey = true)\n    }\n}'
        'Groovy' | '.groovy' | 5    | 22     | 8      | 'unable to resolve class Nope' | "column 'id', new Nope(), primaryKey: true" | "revision 'aaaaaaaaaaaa'\n\nupgrade {\n    createTable('t') {\n        column 'id', new Nope(), primaryKey: true\n    }\n}"
    }

    def "many cache misses compile in one session; an error in one of them names its file, line and column"() {
        given: 'more Kotlin revisions than KotlinRevisionCompiler.BATCH, the third one broken'
        def project = new TempProject(dir)
        int count = KotlinRevisionCompiler.BATCH + 2
        def files = (1..count).collect { i ->
            project.write("r${i}.kts", """
                revision("r${i}")
                ${i > 1 ? "revises(\"r${i - 1}\")" : ''}
                message("table ${i}")

                upgrade {
                    createTable("t${i}") {
                        column("id", integer, primaryKey = true)
                        column("name", ${i == 3 ? 'strin(20)' : 'string(20)'}, nullable = false)
                    }
                }
                val compiledNotRead = true // see CompileCacheSpec.COMPILED_KOTLIN
                """)
        }

        when:
        def broken = project.run('upgrade', 'head')

        then:
        broken.exitCode == 1
        broken.err.readLines()[0] ==~ /(?i)error: \Q${files[2]}\E:8:\d+: unresolved reference 'strin'.*/
        broken.err.readLines()[1].strip() == 'column("name", strin(20), nullable = false)'
        project.cacheEntries().isEmpty()

        when:
        Files.writeString(files[2], Files.readString(files[2]).replace('strin(20)', 'string(20)'))
        def fixed = project.run('upgrade', 'head')

        then:
        fixed.exitCode == 0
        fixed.out.readLines().size() == count
        fixed.out.readLines().last() == "Running upgrade r${count - 1} -> r${count}, table ${count}"
        tables(project).size() == count + 1
        project.cacheEntries().size() == count
    }

    def "@DslMarker keeps outer builders out of a createTable block"() {
        given:
        def project = new TempProject(dir)
        def file = project.write('scoped.kts', '''
            revision("aaaaaaaaaaaa")
            upgrade {
                createTable("t") {
                    column("id", integer)
                    addColumn("u", "x", integer)
                }
            }
            ''')

        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.startsWith("error: ${file}:5:9: ")
        run.err.contains('cannot be called in this context with an implicit receiver')
    }

    def "an error raised while a Kotlin block records its operations names the script's line"() {
        given:
        def project = new TempProject(dir)
        def file = project.write('bad_length.kts', '''
            revision("aaaaaaaaaaaa")

            upgrade {
                createTable("t") {
                    column("id", integer)
                    column("name", string(0))
                }
            }
            ''')

        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.readLines()[0] == "error: ${file}:6: string length must be positive, was 0"
    }

    def "init --language kotlin makes a project whose new revisions are .kts and run"() {
        given:
        def target = dir.resolve('proj')
        def ini = target.resolve('retort.ini').toString()

        when:
        def init = CliRun.of(['init', '--language', 'kotlin', target.toString()])
        def first = CliRun.of(['-c', ini, 'revision', '-m', 'first', '--rev-id', 'aaaaaaaaaaaa'])
        def second = CliRun.of(['-c', ini, 'revision', '-m', 'say "hi" for $5', '--rev-id', 'bbbbbbbbbbbb'])
        def files = Files.list(target.resolve('versions')).withCloseable { it.toList()*.fileName*.toString().sort() }
        def up = CliRun.of(['-c', ini, 'upgrade', 'head'])

        then:
        [init, first, second, up].every { it.exitCode == 0 }
        Files.readString(target.resolve('retort.ini')).contains('language = kotlin')
        files.size() == 2
        files.every { it.endsWith('.kts') }
        Files.readString(target.resolve('versions').resolve(files[1])).startsWith(
                'revision("bbbbbbbbbbbb")\nrevises("aaaaaaaaaaaa")\nmessage("say \\"hi\\" for \\$5")\n')
        up.out.readLines() == ['Running upgrade  -> aaaaaaaaaaaa, first',
                               'Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb, say "hi" for $5']
    }

    def "revision --language kotlin adds a .kts revision on top of a Groovy head"() {
        given:
        def project = new TempProject(dir)
        project.write('a.groovy', "revision 'aaaaaaaaaaaa'\nupgrade { createTable('t') { column 'id', integer } }")

        when:
        def made = project.run('revision', '-m', 'kotlin next', '--language', 'kotlin', '--rev-id', 'bbbbbbbbbbbb')
        def written = Files.list(project.versions).withCloseable { it.toList() }.find { it.toString().endsWith('.kts') }
        Files.writeString(written, Files.readString(written).replace('// e.g. addColumn', 'addColumn("t", "name", string(20))\n    // e.g. addColumn'))
        def up = project.run('upgrade', 'head')

        then:
        made.exitCode == 0
        written.fileName.toString().endsWith('_kotlin_next.kts')
        up.exitCode == 0
        up.out.readLines()[1] == 'Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb, kotlin next'
        columns(project, 'T') == ['ID', 'NAME']
    }
}
