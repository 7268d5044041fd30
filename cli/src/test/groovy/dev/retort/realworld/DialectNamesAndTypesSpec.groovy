package dev.retort.realworld

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Names of databases in revisions are checked against the dialect registry ({@code onDialect}, {@code execute(dialect:)},
 * a type's {@code on}); {@code mysql} covers MariaDB as in Alembic, {@code mariadb} means MariaDB alone. Types stated
 * per database and floats by their precision become each database's own types.
 */
class DialectNamesAndTypesSpec extends Specification {
    @TempDir Path dir

    def "an unknown dialect name in #where (#language) is an error naming the file and line, the known names and the likely one"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('b10000000001', null, text, language == 'kotlin' ? 'b10000000001.kts' : null)

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains("b10000000001.${language == 'kotlin' ? 'kts' : 'groovy'}:6")
        run.err.contains("unknown dialect 'postgres' (did you mean 'postgresql'?)")
        run.err.contains('known dialects: ')
        ['h2', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql'].every { run.err.contains(it) }
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'T'") == [['0']]

        where:
        where              | language | text
        'onDialect'        | 'groovy' | "upgrade {\n    createTable('t') { column 'id', integer }\n    onDialect('postgres') { execute 'SELECT 1' }\n}\n"
        'execute'          | 'groovy' | "upgrade {\n    createTable('t') { column 'id', integer }\n    execute 'SELECT 1', dialect: 'postgres'\n}\n"
        'a type variant'   | 'groovy' | "upgrade {\n    createTable('t') { column 'id', integer }\n    addColumn 't', 'x', text.on('postgres', sqlType('CITEXT'))\n}\n"
        'onDialect'        | 'kotlin' | "upgrade {\n    createTable(\"t\") { column(\"id\", integer) }\n    onDialect(\"postgres\") { execute(\"SELECT 1\") }\n}\n"
        'execute'          | 'kotlin' | "upgrade {\n    createTable(\"t\") { column(\"id\", integer) }\n    execute(\"SELECT 1\", dialect = \"postgres\")\n}\n"
        'a type variant'   | 'kotlin' | "upgrade {\n    createTable(\"t\") { column(\"id\", integer) }\n    addColumn(\"t\", \"x\", text.on(\"postgres\", sqlType(\"CITEXT\")))\n}\n"
    }

    static final String MARKS_GROOVY = '''
        upgrade {
            createTable('marks') { column 'who', string(20) }
            onDialect('mysql') { insert 'marks', [[who: 'mysql block']] }
            onDialect('mariadb') { insert 'marks', [[who: 'mariadb block']] }
            onDialect('postgresql', 'sqlite') { insert 'marks', [[who: 'pg or sqlite block']] }
            execute "INSERT INTO marks (who) VALUES ('mysql execute')", dialect: 'mysql'
            execute "INSERT INTO marks (who) VALUES ('sqlite execute')", dialect: 'sqlite'
        }
    '''

    static final String MARKS_KOTLIN = '''
        upgrade {
            createTable("marks") { column("who", string(20)) }
            onDialect("mysql") { insert("marks", listOf(mapOf("who" to "mysql block"))) }
            onDialect("mariadb") { insert("marks", listOf(mapOf("who" to "mariadb block"))) }
            onDialect("postgresql", "sqlite") { insert("marks", listOf(mapOf("who" to "pg or sqlite block"))) }
            execute("INSERT INTO marks (who) VALUES ('mysql execute')", dialect = "mysql")
            execute("INSERT INTO marks (who) VALUES ('sqlite execute')", dialect = "sqlite")
        }
    '''

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db (#language) 'mysql' blocks run on MariaDB too and 'mariadb' blocks on MariaDB alone"() {
        given:
        def p = RealWorldDatabases.project(dir, db, "names_$language")
        if (language == 'kotlin') p.revisionWithHeader('b10000000002', null, MARKS_KOTLIN, 'b10000000002.kts')
        else p.revisionWithHeader('b10000000002', null, MARKS_GROOVY)

        expect:
        p.run('upgrade', 'head').exitCode == 0
        p.rows('SELECT who FROM marks ORDER BY who')*.get(0) == ran

        where:
        [db, language] << [RealWorldDatabases.ALL, ['groovy', 'kotlin']].combinations()
        ran = [sqlite: ['pg or sqlite block', 'sqlite execute'], postgresql: ['pg or sqlite block'],
               mariadb: ['mariadb block', 'mysql block', 'mysql execute']][db]
    }

    def "offline, MySQL runs the 'mysql' blocks and not the 'mariadb' ones"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('b10000000002', null, MARKS_GROOVY)

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', 'mysql')

        then:
        run.exitCode == 0
        run.out.contains("INSERT INTO marks (who) VALUES ('mysql block')")
        run.out.contains("INSERT INTO marks (who) VALUES ('mysql execute')")
        !run.out.contains('mariadb block')
        !run.out.contains('pg or sqlite')
    }

    static final String TYPES_GROOVY = '''
        upgrade {
            createTable('metrics') {
                column 'key', string(250).on('mysql', sqlType('VARCHAR(190)'))
                column 'body', string(255).on('mysql', sqlType('LONGTEXT')).on('sqlite', text)
                column 'small', real
                column 'large', double
                column 'stated', numeric(10, 2)
            }
            alterColumn 'metrics', 'stated', type: string(40).on('postgresql', text), existingNullable: true
        }
    '''

    static final String TYPES_KOTLIN = '''
        upgrade {
            createTable("metrics") {
                column("key", string(250).on("mysql", sqlType("VARCHAR(190)")))
                column("body", string(255).on("mysql", sqlType("LONGTEXT")).on("sqlite", text))
                column("small", float(24))
                column("large", float(53))
                column("stated", numeric(10, 2))
            }
            alterColumn("metrics", "stated", type = string(40).on("postgresql", text), existingNullable = true)
        }
    '''

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db (#language) a type's variant for the database, and floats by precision, become its own types"() {
        given:
        def p = RealWorldDatabases.project(dir, db, "types_$language")
        if (language == 'kotlin') p.revisionWithHeader('b10000000003', null, TYPES_KOTLIN, 'b10000000003.kts')
        else p.revisionWithHeader('b10000000003', null, TYPES_GROOVY)

        expect:
        p.run('upgrade', 'head').exitCode == 0
        RealWorldDatabases.columnTypes(p, db, 'metrics') == types

        where:
        [db, language] << [RealWorldDatabases.ALL, ['groovy', 'kotlin']].combinations()
        types = [sqlite    : [key: 'varchar(250)', body: 'text', small: 'real', large: 'double', stated: 'varchar(40)'],
                 postgresql: [key: 'character varying', body: 'character varying', small: 'real', large: 'double precision', stated: 'text'],
                 mariadb   : [key: 'varchar', body: 'longtext', small: 'float', large: 'double', stated: 'varchar']][db]
    }

    def "offline the variants and float sizes give each dialect's SQL (#dialect)"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('b10000000003', null, TYPES_GROOVY)

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', dialect)

        then:
        run.exitCode == 0
        expected.every { run.out.contains(it) }

        where:
        dialect     | expected
        'h2'        | ['"key" VARCHAR(250)', 'body VARCHAR(255)', 'small REAL', 'large DOUBLE PRECISION', 'ALTER COLUMN stated SET DATA TYPE VARCHAR(40)']
        'postgresql'| ['"key" VARCHAR(250)', 'body VARCHAR(255)', 'small REAL', 'large DOUBLE PRECISION', 'ALTER COLUMN stated TYPE TEXT']
        'mysql'     | ['`key` VARCHAR(190)', 'body LONGTEXT', 'small FLOAT', 'large DOUBLE', 'MODIFY COLUMN stated VARCHAR(40)']
        'mariadb'   | ['`key` VARCHAR(190)', 'body LONGTEXT', 'small FLOAT', 'large DOUBLE', 'MODIFY COLUMN stated VARCHAR(40)']
        'sqlite'    | ['"key" VARCHAR(250)', 'body TEXT', 'small REAL', 'large DOUBLE', 'stated VARCHAR(40)']
        'oracle'    | ['BINARY_FLOAT', 'BINARY_DOUBLE']
        'mssql'     | ['small REAL', 'large FLOAT']
    }
}
