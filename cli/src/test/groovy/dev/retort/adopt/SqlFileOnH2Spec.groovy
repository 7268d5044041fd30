package dev.retort.adopt

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code sqlFile('…')} in both languages: the file is read relative to the revision's folder when the revision is
 * recorded, so offline SQL needs no database; a failing statement names the revision's line and the SQL file's line;
 * a missing file names the revision's line.
 */
class SqlFileOnH2Spec extends Specification {
    @TempDir Path tmp

    static final String SQL = '''\
        -- two tables and a row
        CREATE TABLE users (
            id INT PRIMARY KEY,
            note VARCHAR(50) DEFAULT 'a;b'
        );
        /* semicolons; in comments; */
        INSERT INTO users (id) VALUES (1);
        CREATE TABLE "odd;name" (id INT);
        '''.stripIndent()

    TempProject project(String revisionFile, String revisionText, String sqlName = 'sql/init.sql', String sql = SQL) {
        def p = new TempProject(tmp)
        Files.createDirectories(p.versions.resolve(sqlName).parent)
        Files.writeString(p.versions.resolve(sqlName), sql)
        p.write(revisionFile, revisionText)
        p
    }

    def "a #language revision runs the statements of its SQL file, read relative to the revision's folder"() {
        given:
        def p = project(file, text)

        when: 'run from another working directory than the project'
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 0
        p.rows('SELECT id, note FROM users') == [['1', 'a;b']]
        p.rows('SELECT count(*) FROM "odd;name"') == [['0']]

        where:
        language | file                  | text
        'Groovy' | 'aaaaaaaaaaaa.groovy' | "revision 'aaaaaaaaaaaa'\nupgrade {\n    sqlFile 'sql/init.sql'\n}\ndowngrade {\n    execute 'DROP TABLE users'\n}"
        'Kotlin' | 'aaaaaaaaaaaa.kts'    | 'revision("aaaaaaaaaaaa")\nupgrade {\n    sqlFile("sql/init.sql")\n}'
    }

    def "offline SQL prints the file's statements, each with its terminator, without a database"() {
        given:
        def p = project('aaaaaaaaaaaa.groovy', "revision 'aaaaaaaaaaaa'\nupgrade {\n    sqlFile 'sql/init.sql'\n}")

        when:
        def run = p.run('upgrade', '--sql', '--dialect', 'postgresql', 'head')

        then:
        run.exitCode == 0
        run.out.contains("CREATE TABLE users (\n    id INT PRIMARY KEY,\n    note VARCHAR(50) DEFAULT 'a;b'\n);\n")
        run.out.contains('INSERT INTO users (id) VALUES (1);\n')
        run.out.contains('CREATE TABLE "odd;name" (id INT);\n')
        !run.out.contains('-- two tables')
    }

    def "a failing statement names the revision's line and the SQL file's line"() {
        given:
        def p = project('aaaaaaaaaaaa.groovy', "revision 'aaaaaaaaaaaa'\n\nupgrade {\n    execute 'CREATE TABLE first_one (id INT)'\n    sqlFile 'sql/bad.sql'\n}",
                'sql/bad.sql', 'CREATE TABLE ok (id INT);\n\n-- the next one fails\nINSERT INTO missing_table\n  VALUES (1);\n')

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains('revision aaaaaaaaaaaa failed at statement 3 of 3 (versions/aaaaaaaaaaaa.groovy:5, sqlFile versions/sql/bad.sql:4): INSERT INTO missing_table VALUES (1)')
        p.run('current').out.trim() == ''
    }

    def "a missing SQL file is an error at the revision's line, saying where it was looked for"() {
        given:
        def p = project('aaaaaaaaaaaa.groovy', "revision 'aaaaaaaaaaaa'\nupgrade {\n    sqlFile 'sql/nope.sql'\n}")

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains('aaaaaaaaaaaa.groovy:3')
        run.err.contains("sqlFile 'sql/nope.sql': there is no file ${p.versions.resolve('sql/nope.sql').toAbsolutePath().normalize()}")
        run.err.contains('relative to the revision\'s folder')
        !run.err.contains('\tat ')
    }

    def "an SQL file whose string never ends names the file and the line where it starts"() {
        given:
        def p = project('aaaaaaaaaaaa.groovy', "revision 'aaaaaaaaaaaa'\nupgrade {\n    sqlFile 'sql/open.sql'\n}", 'sql/open.sql', "SELECT 1;\nSELECT 'never closed;\n")

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains('versions/sql/open.sql, line 2: the string (\') that starts there never ends')
    }

    def "validate sees an edit to an applied revision's SQL file, as it sees an edit to its script (#language)"() {
        given:
        def p = project(file, text)
        def other = "revision 'bbbbbbbbbbbb'\nrevises 'aaaaaaaaaaaa'\nupgrade {\n    execute 'CREATE TABLE plain (id INT)'\n}"
        p.write('bbbbbbbbbbbb.groovy', other)
        assert p.run('upgrade', 'head').exitCode == 0

        expect: 'unchanged files validate'
        p.run('validate').exitCode == 0

        when: 'the SQL file is edited after it was applied'
        Files.writeString(p.versions.resolve('sql/init.sql'), SQL + 'CREATE TABLE added_later (id INT);\n')
        def edited = p.run('validate')

        then: 'its revision is reported, and only it'
        edited.exitCode != 0
        edited.out.contains('aaaaaaaaaaaa')
        !edited.out.contains('bbbbbbbbbbbb')

        when: 'the edit is undone; a line-ending change alone is not an edit'
        Files.writeString(p.versions.resolve('sql/init.sql'), SQL.replace('\n', '\r\n'))

        then:
        p.run('validate').exitCode == 0

        when: 'the SQL file is deleted'
        Files.delete(p.versions.resolve('sql/init.sql'))
        def gone = p.run('validate')

        then:
        gone.exitCode != 0
        gone.out.contains('aaaaaaaaaaaa')
        !gone.err.contains('\tat ')

        where:
        language | file                  | text
        'Groovy' | 'aaaaaaaaaaaa.groovy' | "revision 'aaaaaaaaaaaa'\nupgrade {\n    sqlFile 'sql/init.sql'\n}\ndowngrade {\n    execute 'DROP TABLE users'\n}"
        'Kotlin' | 'aaaaaaaaaaaa.kts'    | 'revision("aaaaaaaaaaaa")\nupgrade {\n    sqlFile("sql/init.sql")\n}'
    }
}
