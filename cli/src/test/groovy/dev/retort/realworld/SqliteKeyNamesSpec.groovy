package dev.retort.realworld

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A named single-column key with auto-increment is created on every database, and on SQLite every rebuild keeps
 * every name: the table's definition (each column and constraint clause of the CREATE TABLE text, and each index's
 * SQL) is compared before a rebuild, after it, and after the downgrade that undoes it.
 */
class SqliteKeyNamesSpec extends Specification {
    @TempDir Path dir

    static final String TABLES_GROOVY = '''
        upgrade {
            createTable('experiments') {
                column 'experiment_id', integer, nullable: false, autoIncrement: true
                column 'name', string(256), nullable: false
                column 'lifecycle_stage', string(32)
                primaryKey 'experiment_pk', ['experiment_id']
                unique 'uq_experiments_name', ['name']
                check 'ck_experiments_lifecycle', "lifecycle_stage IN ('active', 'deleted')"
            }
            createTable('runs') {
                column 'run_uuid', string(32), nullable: false
                column 'experiment_id', integer
                column 'status', string(20)
                column 'note', string(50)
                column 'extra', integer
                primaryKey 'run_pk', ['run_uuid']
                foreignKey 'fk_runs_experiment', ['experiment_id'], 'experiments', ['experiment_id']
                unique 'uq_runs_status_note', ['status', 'note']
                check 'ck_runs_status', "status IN ('RUNNING', 'FINISHED')"
                index 'ix_runs_status', ['status']
                index 'ix_runs_extra', ['extra']
            }
            insert 'experiments', [[name: 'first', lifecycle_stage: 'active'], [name: 'second', lifecycle_stage: 'active']]
            insert 'runs', [[run_uuid: 'r1', experiment_id: 1, status: 'RUNNING', note: 'n', extra: 1]]
        }
    '''

    static final String TABLES_KOTLIN = '''
        upgrade {
            createTable("experiments") {
                column("experiment_id", integer, nullable = false, autoIncrement = true)
                column("name", string(256), nullable = false)
                column("lifecycle_stage", string(32))
                primaryKey("experiment_pk", listOf("experiment_id"))
                unique("uq_experiments_name", listOf("name"))
                check("ck_experiments_lifecycle", "lifecycle_stage IN ('active', 'deleted')")
            }
            insert("experiments", listOf(mapOf("name" to "first", "lifecycle_stage" to "active"), mapOf("name" to "second")))
        }
    '''

    TempProject sqliteProject() {
        def p = new TempProject(dir, "jdbc:sqlite:${dir.resolve('app.db')}")
        p.revisionWithHeader('a10000000001', null, TABLES_GROOVY)
        assert p.run('upgrade', 'head').exitCode == 0
        p
    }

    CliRun change(TempProject p, String upgrade, String downgrade) {
        p.revisionWithHeader('a10000000002', 'a10000000001', "upgrade {\n$upgrade\n}\ndowngrade {\n$downgrade\n}\n")
        p.run('upgrade', 'head')
    }

    /** The CREATE TABLE's top-level items (columns and constraints) and the table's index statements, each sorted. */
    static Map definition(TempProject p, String table) {
        String sql = p.rows("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '$table'")[0][0]
        String body = sql.substring(sql.indexOf('(') + 1, sql.lastIndexOf(')'))
        [items  : topLevelItems(body).collect { it.replaceAll(/\s+/, ' ').trim() }.sort(),
         indexes: p.rows("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '$table' AND sql IS NOT NULL")
                 .collect { it[0] }.sort()]
    }

    /** The names a definition gives its constraints and indexes. */
    static List<String> names(Map definition) {
        (definition.items.collect { (it =~ /CONSTRAINT "?(\w+)"?/).collect { m -> m[1] } }.flatten()
                + definition.indexes.collect { (it =~ /INDEX "?(\w+)"?/)[0][1] }).sort()
    }

    static List<String> topLevelItems(String body) {
        List<String> items = []
        int depth = 0, start = 0
        boolean quoted = false
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i)
            if (c == '\'' as char) quoted = !quoted
            else if (!quoted && c == '(' as char) depth++
            else if (!quoted && c == ')' as char) depth--
            else if (!quoted && depth == 0 && c == ',' as char) { items << body.substring(start, i); start = i + 1 }
        }
        items << body.substring(start)
        items
    }

    def "on SQLite a named key on an auto-increment column is declared on the column, with its name"() {
        when:
        def p = sqliteProject()
        String ddl = p.rows("SELECT sql FROM sqlite_master WHERE name = 'experiments'")[0][0]

        then:
        ddl.contains('experiment_id INTEGER CONSTRAINT experiment_pk PRIMARY KEY AUTOINCREMENT')
        !ddl.contains('PRIMARY KEY (experiment_id)')
        p.rows('SELECT experiment_id, name FROM experiments ORDER BY 1') == [['1', 'first'], ['2', 'second']]
    }

    def "on SQLite a rebuild by #kind keeps every name, and its downgrade restores the definition"() {
        given:
        def p = sqliteProject()
        Map before = definition(p, table)

        when:
        def up = change(p, upgrade, downgrade)
        Map after = definition(p, table)

        then:
        up.exitCode == 0
        names(after) == (names(before) + added - removed).sort()
        after != before

        when:
        def down = p.run('downgrade', '-1')

        then:
        down.exitCode == 0
        definition(p, table) == before

        where:
        kind                    | table         | added            | removed           | upgrade                                                            | downgrade
        'alterColumn type'      | 'runs'        | []               | []                | "alterColumn 'runs', 'note', type: string(100)"                     | "alterColumn 'runs', 'note', type: string(50)"
        'alterColumn nullable'  | 'runs'        | []               | []                | "alterColumn 'runs', 'note', nullable: false"                       | "alterColumn 'runs', 'note', nullable: true"
        'alterColumn default'   | 'runs'        | []               | []                | "alterColumn 'runs', 'status', default: 'RUNNING'"                  | "alterColumn 'runs', 'status', default: null"
        'alterColumn on the autoincrement key table' | 'experiments' | [] | []         | "alterColumn 'experiments', 'name', type: string(300)"              | "alterColumn 'experiments', 'name', type: string(256)"
        'dropConstraint check'  | 'runs'        | []               | ['ck_runs_status'] | "dropConstraint 'ck_runs_status', 'runs'"                         | "createCheckConstraint 'ck_runs_status', 'runs', \"status IN ('RUNNING', 'FINISHED')\""
        'dropConstraint unique' | 'runs'        | []               | ['uq_runs_status_note'] | "dropConstraint 'uq_runs_status_note', 'runs'"               | "createUniqueConstraint 'uq_runs_status_note', 'runs', ['status', 'note']"
        'dropConstraint foreign key' | 'runs'   | []               | ['fk_runs_experiment'] | "dropConstraint 'fk_runs_experiment', 'runs'"                 | "createForeignKey 'fk_runs_experiment', 'runs', 'experiments', ['experiment_id'], ['experiment_id']"
        'createForeignKey'      | 'runs'        | ['fk_runs_parent'] | []              | "addColumn 'runs', 'parent_experiment', integer\ncreateForeignKey 'fk_runs_parent', 'runs', 'experiments', ['parent_experiment'], ['experiment_id']" | "dropConstraint 'fk_runs_parent', 'runs'\ndropColumn 'runs', 'parent_experiment'"
    }

    def "on SQLite dropping a column an index uses rebuilds the table and keeps every other name"() {
        given:
        def p = sqliteProject()
        Map before = definition(p, 'runs')

        when:
        def up = change(p, "dropColumn 'runs', 'extra'", "addColumn 'runs', 'extra', integer\ncreateIndex 'ix_runs_extra', 'runs', ['extra']")

        then:
        up.exitCode == 0
        names(definition(p, 'runs')) == names(before) - ['ix_runs_extra']
        p.rows('SELECT run_uuid, status FROM runs') == [['r1', 'RUNNING']]
    }

    def "after a rebuild the auto-increment key goes on counting and keeps its name"() {
        given:
        def p = sqliteProject()

        when:
        def up = change(p, "alterColumn 'experiments', 'lifecycle_stage', type: string(64)", "alterColumn 'experiments', 'lifecycle_stage', type: string(32)")
        p.connect().withCloseable { it.createStatement().execute("INSERT INTO experiments (name) VALUES ('third')") }

        then:
        up.exitCode == 0
        p.rows("SELECT sql FROM sqlite_master WHERE name = 'experiments'")[0][0].contains('CONSTRAINT experiment_pk PRIMARY KEY AUTOINCREMENT')
        p.rows('SELECT experiment_id FROM experiments ORDER BY 1') == [['1'], ['2'], ['3']]
    }

    @Requires({ RealWorldDatabases.available(data.db) })
    def "a named key on an auto-increment column is created on #db from #language"() {
        given:
        def p = RealWorldDatabases.project(dir, db, "pk_$language")
        if (language == 'kotlin') p.revisionWithHeader('a10000000001', null, TABLES_KOTLIN, 'a10000000001.kts')
        else p.revisionWithHeader('a10000000001', null, TABLES_GROOVY)

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 0
        p.rows('SELECT experiment_id, name FROM experiments ORDER BY 1') == [['1', 'first'], ['2', 'second']]
        primaryKeyName(p, db) == expectedName

        where:
        [db, language] << [RealWorldDatabases.ALL, ['groovy', 'kotlin']].combinations()
        // MySQL and MariaDB call every primary key PRIMARY, whatever it is named.
        expectedName = db == 'mariadb' ? 'PRIMARY' : 'experiment_pk'
    }

    static String primaryKeyName(TempProject p, String db) {
        if (db == 'sqlite') return (p.rows("SELECT sql FROM sqlite_master WHERE name = 'experiments'")[0][0] =~ /CONSTRAINT (\w+) PRIMARY KEY/)[0][1]
        String schema = db == 'postgresql' ? 'current_schema()' : 'DATABASE()'
        p.rows("SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = $schema " +
                "AND table_name = 'experiments' AND constraint_type = 'PRIMARY KEY'")[0][0]
    }
}
