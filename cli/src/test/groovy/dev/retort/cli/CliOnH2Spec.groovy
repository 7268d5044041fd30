package dev.retort.cli

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import groovy.sql.Sql
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class CliOnH2Spec extends Specification {
    @TempDir Path dir
    TempProject project

    def setup() {
        project = new TempProject(dir)
        project.revision('1975ea83b712', '''
            revision '1975ea83b712'
            message 'create usuarios'
            upgrade {
                createTable('usuarios') {
                    column 'id', integer, primaryKey: true
                    column 'nome', string(100), nullable: false
                }
            }''')
        project.revision('3f2a1c9d0b7e', '''
            revision '3f2a1c9d0b7e'
            revises '1975ea83b712'
            message 'add email to usuarios'
            upgrade {
                addColumn 'usuarios', 'email', string(255)
            }''')
    }

    /** The tables of the database, without the history and lock tables that every online run keeps. */
    Set<String> tables() {
        new Sql(project.connect()).withCloseable { sql ->
            (sql.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")*.TABLE_NAME as Set) -
                    ['RETORT_HISTORY', 'RETORT_VERSION_LOCK']
        }
    }

    def "upgrade head applies pending revisions in graph order with Alembic's lines"() {
        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 0
        run.lines() == ['Running upgrade  -> 1975ea83b712, create usuarios',
                        'Running upgrade 1975ea83b712 -> 3f2a1c9d0b7e, add email to usuarios']
        tables() == ['USUARIOS', 'RETORT_VERSION'] as Set
        project.run('current').lines() == ['3f2a1c9d0b7e (head)']
    }

    def "a second upgrade head is a no-op"() {
        given:
        project.run('upgrade', 'head')

        when:
        def again = project.run('upgrade', 'head')

        then:
        again.exitCode == 0
        again.out == ''
    }

    def "downgrade -1 is typed without -- and base removes every table"() {
        given:
        project.run('upgrade', 'head')

        when:
        def one = project.run('downgrade', '-1')

        then:
        one.exitCode == 0
        one.lines() == ['Running downgrade 3f2a1c9d0b7e -> 1975ea83b712, add email to usuarios']
        project.run('current').lines() == ['1975ea83b712']

        when:
        def all = project.run('downgrade', 'base')

        then:
        all.lines() == ['Running downgrade 1975ea83b712 -> , create usuarios']
        tables() == ['RETORT_VERSION'] as Set
        project.run('current').out == ''
    }

    def "upgrade to a revision prefix stops there"() {
        expect:
        project.run('upgrade', '1975').lines() == ['Running upgrade  -> 1975ea83b712, create usuarios']
        project.run('upgrade', '+1').lines() == ['Running upgrade 1975ea83b712 -> 3f2a1c9d0b7e, add email to usuarios']
    }

    def "history and heads print Alembic's formats, newest first"() {
        expect:
        project.run('history').lines() == ['1975ea83b712 -> 3f2a1c9d0b7e (head), add email to usuarios',
                                           '<base> -> 1975ea83b712, create usuarios']
        project.run('heads').lines() == ['3f2a1c9d0b7e (head)']
        project.run('heads', '--json').out.trim().startsWith('[{"revision":"3f2a1c9d0b7e"')
    }

    def "an unknown target is a clear error with exit code 1"() {
        when:
        def run = project.run('upgrade', 'deadbeef0000')

        then:
        run.exitCode == 1
        run.err.startsWith("error: No such revision or branch 'deadbeef0000'")
        !run.err.contains('Exception')
    }

    def "a Groovy syntax error names file and line, exits 1, and applies nothing"() {
        given:
        def broken = project.revision('5b6c7d8e9f00', '''
            revision '5b6c7d8e9f00'
            revises '3f2a1c9d0b7e'
            message 'broken'
            upgrade {
                addColumn 'usuarios', 'idade', integer,
            }''')

        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains("${broken}:")
        run.err =~ /5b6c7d8e9f00\.groovy:\d+:\d+: /
        !run.err.contains('\tat ')
        tables() == ['RETORT_VERSION'] as Set
    }

    def "an error in a block points at the script line"() {
        given:
        project.revision('5b6c7d8e9f00', '''
            revision '5b6c7d8e9f00'
            revises '3f2a1c9d0b7e'
            message 'typo'
            upgrade {
                addColumn 'usuarios', 'idade', integer, nulable: false
            }''')

        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains('5b6c7d8e9f00.groovy:5: ')
        run.err.contains("unknown option 'nulable'")
    }

    def "downgrade through an irreversible revision without a downgrade block fails before running anything"() {
        given:
        project.revision('5b6c7d8e9f00', '''
            revision '5b6c7d8e9f00'
            revises '3f2a1c9d0b7e'
            message 'drop nome'
            upgrade {
                dropColumn 'usuarios', 'nome'
            }''')
        project.run('upgrade', 'head')

        when:
        def run = project.run('downgrade', 'base')

        then:
        run.exitCode == 1
        run.err.contains('revision 5b6c7d8e9f00 has no downgrade block')
        run.err.contains("dropColumn usuarios.nome")
        project.run('current').lines() == ['5b6c7d8e9f00 (head)']
    }

    def "revision -m writes a file on top of the head that the next upgrade applies"() {
        when:
        def made = project.run('revision', '-m', 'add phone')
        def file = Files.list(project.versions).filter { it.fileName.toString().endsWith('_add_phone.groovy') }.findFirst().get()

        then:
        made.exitCode == 0
        file.text.contains("revises '3f2a1c9d0b7e'")

        when:
        file.text = file.text.replace("// e.g. addColumn 'usuarios', 'telefone', string(20)", "addColumn 'usuarios', 'telefone', string(20)")
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 0
        run.lines().last() ==~ /Running upgrade 3f2a1c9d0b7e -> [0-9a-f]{12}, add phone/
        project.run('downgrade', '-1').exitCode == 0
    }

    def "upgrade --sql prints the script with step comments and version statements, needing no database"() {
        when:
        def run = project.run('upgrade', '--sql', 'head')

        then:
        run.exitCode == 0
        run.out.startsWith('BEGIN;')
        run.out.contains('-- Running upgrade  -> 1975ea83b712')
        run.out.contains("INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');")
        run.out.contains("UPDATE retort_version SET version_num='3f2a1c9d0b7e' WHERE version_num = '1975ea83b712';")
        run.out.trim().endsWith('COMMIT;')
        !Files.exists(dir.resolve('.retort/test.mv.db'))
    }

    def "an unknown dialect or language is bad usage, exit code 2"() {
        expect:
        project.run('upgrade', '--sql', '--dialect', 'pg', 'head').exitCode == 2
        project.run('revision', '-m', 'x', '--language', 'java').exitCode == 2
    }

    def "a configuration file that does not exist is named as the problem"() {
        when:
        def run = CliRun.of(['-c', dir.resolve('nope.ini').toString(), 'heads'])

        then:
        run.exitCode == 1
        run.err.startsWith("error: no configuration file ${dir.resolve('nope.ini')}")
    }

    def "every command has --help"() {
        expect:
        project.run(command, '--help').with { exitCode == 0 && out.startsWith("Usage: retort $command") }

        where:
        command << ['upgrade', 'downgrade', 'current', 'history', 'heads', 'revision', 'stamp', 'merge', 'check', 'validate']
    }
}
