package dev.retort.adopt

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** {@code retort import flyway DIR}: Flyway's versioned files as a chain of revisions, in Flyway's version order. */
class ImportFlywaySpec extends Specification {
    @TempDir Path tmp

    Path folder(Map<String, String> files) {
        Path dir = Files.createDirectories(tmp.resolve('flyway'))
        files.each { name, sql ->
            Files.createDirectories(dir.resolve(name).parent)
            Files.writeString(dir.resolve(name), sql)
        }
        dir
    }

    /** The messages of `history`, oldest first. */
    static List<String> messages(TempProject p) {
        p.run('history').lines().collect { it.replaceAll(/^.* -> \w+(?: \(head\))?, /, '') }.reverse()
    }

    def "versions are ordered as Flyway orders them, numerically part by part, subfolders included"() {
        given:
        def p = new TempProject(tmp.resolve('project'))
        def dir = folder(['V2__two.sql': 'CREATE TABLE two (id INT);', 'V10__ten.sql': 'CREATE TABLE ten (id INT);',
                          'V1_1__one_one.sql': 'CREATE TABLE one_one (id INT);', 'V1__one.sql': 'CREATE TABLE one (id INT);',
                          'more/V1.2.1__one_two_one.sql': 'CREATE TABLE one_two_one (id INT);'])

        when:
        def run = p.run('import', 'flyway', dir.toString())

        then:
        run.exitCode == 0
        messages(p) == ['one', 'one one', 'one two one', 'two', 'ten']
        p.revisionText('one_two_one').contains("adopts 'flyway:1.2.1'")
        p.revisionText('one_one').contains("adopts 'flyway:1.1'")
        p.run('upgrade', 'head').exitCode == 0
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('ONE', 'ONE_ONE', 'ONE_TWO_ONE', 'TWO', 'TEN')") == [['5']]
    }

    def "Kotlin revisions on request; an undo file becomes the downgrade"() {
        given:
        def p = new TempProject(tmp.resolve('project'))
        def dir = folder(['V1__users.sql': 'CREATE TABLE users (id INT);', 'U1__users.sql': 'DROP TABLE users;'])

        when:
        def run = p.run('import', 'flyway', dir.toString(), '--language', 'kotlin')
        def text = Files.list(p.versions).withCloseable { s -> s.filter { it.toString().endsWith('.kts') }.toList() }.collect { Files.readString(it) }

        then:
        run.exitCode == 0
        text.size() == 1
        text[0].startsWith('revision("')
        text[0].contains('message("users")\nadopts("flyway:1")\n')
        text[0].contains('sqlFile("sql/V1__users.sql")')
        text[0].contains('downgrade {\n    sqlFile("sql/U1__users.sql")\n}')

        when:
        def up = p.run('upgrade', 'head')
        def down = p.run('downgrade', 'base')

        then:
        up.exitCode == 0
        down.exitCode == 0
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC' AND table_name = 'USERS'") == [['0']]
    }

    def "repeatable and misnamed files are left out with a warning; a second import adds only new versions on top"() {
        given:
        def p = new TempProject(tmp.resolve('project'))
        def dir = folder(['V1__users.sql': 'CREATE TABLE users (id INT);', 'R__views.sql': 'CREATE VIEW v AS SELECT 1;', 'notes.sql': 'SELECT 1;'])

        when:
        def first = p.run('import', 'flyway', dir.toString())

        then:
        first.exitCode == 0
        first.err.contains('R__views.sql is a repeatable migration (R__)')
        first.err.contains("notes.sql does not follow Flyway's V<version>__<description>.sql naming; not imported")
        messages(p) == ['users']

        when:
        Files.writeString(dir.resolve('V2__orders.sql'), 'CREATE TABLE orders (id INT);')
        def second = p.run('import', 'flyway', dir.toString())

        then:
        second.exitCode == 0
        second.err.contains('flyway:1 (V1__users.sql) is already adopted by revision ')
        second.out.contains('Imported 1 Flyway migration')
        messages(p) == ['users', 'orders']
    }

    def "two files of one version, or a folder with no migration, are refused"() {
        given:
        def p = new TempProject(tmp.resolve('project'))

        when:
        def same = p.run('import', 'flyway', folder(['V1__a.sql': 'SELECT 1;', 'V1.0__b.sql': 'SELECT 2;']).toString())

        then:
        same.exitCode == 1
        same.err.contains('have the same version 1')

        when:
        def empty = p.run('import', 'flyway', Files.createDirectories(tmp.resolve('empty')).toString())

        then:
        empty.exitCode == 1
        empty.err.contains('holds no V<version>__<description>.sql file')
    }

    def "only Flyway is imported"() {
        when:
        def run = new TempProject(tmp.resolve('project')).run('import', 'liquibase', tmp.toString())

        then:
        run.exitCode == 2
        run.err.contains('import knows flyway only')
    }
}
