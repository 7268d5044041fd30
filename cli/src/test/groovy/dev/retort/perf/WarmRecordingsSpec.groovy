package dev.retort.perf

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A warm run reads back what each unchanged script recorded instead of loading and running it. Counted on disk: with
 * the compiled classes deleted after the first run, a second run that loaded any script would compile it again and
 * write its classes back.
 */
class WarmRecordingsSpec extends Specification {
    @TempDir Path dir

    static List<Path> cached(TempProject project, String suffix) {
        if (!Files.isDirectory(project.cache)) return []
        Files.walk(project.cache).withCloseable { s -> s.filter { it.fileName.toString().endsWith(suffix) }.toList() }
    }

    private TempProject project() {
        def project = new TempProject(dir)
        project.write('a.groovy', """\
            revision 'c00000000001'
            message 'accounts'
            upgrade {
                createTable('accounts') {
                    column 'id', integer, primaryKey: true
                    column 'name', string(100), nullable: false
                    column 'balance', numeric(10, 2), default: 0
                    index 'ix_accounts_name', ['name']
                }
            }
            def compiledNotRead = true // compiled, not read as data: see CompileCacheSpec.COMPILED
            """.stripIndent())
        project.write('b.kts', '''\
            revision("c00000000002")
            revises("c00000000001")
            message("orders")
            upgrade {
                createTable("orders") {
                    column("id", integer, primaryKey = true)
                    column("created", timestamp, default = now())
                }
                addColumn("accounts", "email", string(255))
            }
            val compiledNotRead = true // compiled, not read as data: see CompileCacheSpec.COMPILED_KOTLIN
            '''.stripIndent())
        project.write('c.groovy', """\
            revision 'c00000000003'
            revises 'c00000000002'
            message 'seed'
            upgrade {
                insert('accounts', [[id: 1, name: 'first', balance: 1.5G]])
                execute "UPDATE accounts SET name = 'x' WHERE id = 2"
            }
            downgrade { execute 'DELETE FROM accounts' }
            """.stripIndent())
        project
    }

    def "a second run loads no script and prints the same SQL"() {
        given:
        def project = project()

        when: 'a first run compiles, runs and records every script'
        def first = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        first.exitCode == 0
        cached(project, '.ops').size() == 3
        cached(project, '.classes').size() == 3

        when: 'the classes are deleted, and the same upgrade is printed again'
        cached(project, '.classes').each { Files.delete(it) }
        def second = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then: 'the same SQL, and no script was compiled (so none was loaded)'
        second.exitCode == 0
        second.out == first.out
        cached(project, '.classes').isEmpty()

        and: 'a downgrade, read back the same way, prints what the scripts say'
        project.run('downgrade', 'c00000000003:c00000000002', '--sql', '--dialect', 'postgresql').out.contains('DELETE FROM accounts')
        cached(project, '.classes').isEmpty()
    }

    def "an edited script is recorded again; an unchanged one is still read back"() {
        given:
        def project = project()
        project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')
        cached(project, '.classes').each { Files.delete(it) }

        when:
        Path a = project.versions.resolve('a.groovy')
        a.text = a.text.replace("column 'name', string(100)", "column 'name', string(120)")
        def run = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then: 'only the edited script compiled again'
        run.exitCode == 0
        run.out.contains('VARCHAR(120)')
        cached(project, '.classes').size() == 1
        cached(project, '.ops').size() == 4
    }

    def "a damaged recording is never trusted: the script runs again and is recorded anew"() {
        given:
        def project = project()
        def first = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')
        Path recording = cached(project, '.ops').first()
        byte[] flipped = Files.readAllBytes(recording).clone()
        flipped[flipped.length.intdiv(2)] ^= 0x10
        Files.write(recording, flipped)

        when:
        def second = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        second.exitCode == 0
        second.out == first.out
        Files.exists(recording)
        Files.readAllBytes(recording) != flipped
        project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql').out == first.out
    }

    def "a script with connection { } code is not recorded: it runs on every run"() {
        given:
        def project = new TempProject(dir)
        project.write('a.groovy', """\
            revision 'c00000000011'
            message 'data'
            upgrade {
                createTable('things') { column 'id', integer, primaryKey: true }
                connection { c -> c.createStatement().execute('INSERT INTO things (id) VALUES (1)') }
            }
            """.stripIndent())

        when:
        def run = project.run('upgrade', 'head')

        then:
        run.exitCode == 0
        project.rows('SELECT id FROM things') == [['1']]
        cached(project, '.classes').size() == 1
        cached(project, '.ops').isEmpty()
    }
}
