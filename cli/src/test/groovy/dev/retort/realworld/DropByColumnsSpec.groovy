package dev.retort.realworld

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Dropping what has no name the revision knows: a foreign key or unique constraint found by its columns in the live
 * schema, whatever the database named it, and {@code dropConstraint … ifExists: true}, which tolerates absence.
 */
class DropByColumnsSpec extends Specification {
    @TempDir Path dir

    static final String TABLES = '''
        upgrade {
            createTable('experiments') {
                column 'experiment_id', integer, primaryKey: true
                column 'name', string(100)
            }
            createTable('runs') {
                column 'run_uuid', string(32), primaryKey: true
                column 'experiment_id', integer, references: 'experiments.experiment_id'
                column 'name', string(100)
                unique(['name'])
            }
            insert 'experiments', [[experiment_id: 1, name: 'e1'], [experiment_id: 2, name: 'e2']]
            insert 'runs', [[run_uuid: 'r1', experiment_id: 1, name: 'a'], [run_uuid: 'r2', experiment_id: 2, name: 'b']]
        }
    '''

    static final String DROPS_GROOVY = '''
        upgrade {
            dropForeignKey 'runs', ['experiment_id']
            createForeignKey 'fk_runs_experiment', 'runs', 'experiments', ['experiment_id'], ['experiment_id'], onDelete: 'CASCADE'
            dropUniqueConstraint 'runs', ['name']
            dropConstraint 'ck_runs_never_made', 'runs', type: 'check', ifExists: true
            dropForeignKey 'runs', ['name'], ifExists: true
        }
        downgrade {
            dropConstraint 'fk_runs_experiment', 'runs', type: 'foreignKey', ifExists: true
            createUniqueConstraint 'uq_runs_name', 'runs', ['name']
        }
    '''

    static final String DROPS_KOTLIN = '''
        upgrade {
            dropForeignKey("runs", listOf("experiment_id"))
            createForeignKey("fk_runs_experiment", "runs", "experiments", listOf("experiment_id"), listOf("experiment_id"), onDelete = "CASCADE")
            dropUniqueConstraint("runs", listOf("name"))
            dropConstraint("ck_runs_never_made", "runs", type = "check", ifExists = true)
            dropForeignKey("runs", listOf("name"), ifExists = true)
        }
        downgrade {
            dropConstraint("fk_runs_experiment", "runs", type = "foreignKey", ifExists = true)
            createUniqueConstraint("uq_runs_name", "runs", listOf("name"))
        }
    '''

    TempProject project(String db, String language) {
        def p = RealWorldDatabases.project(dir, db, "drops_$language")
        p.revisionWithHeader('d10000000001', null, TABLES)
        if (language == 'kotlin') p.revisionWithHeader('d10000000002', 'd10000000001', DROPS_KOTLIN, 'd10000000002.kts')
        else p.revisionWithHeader('d10000000002', 'd10000000001', DROPS_GROOVY)
        p
    }

    void execute(TempProject p, String db, String sql) {
        p.connect().withCloseable { c ->
            c.createStatement().withCloseable { s ->
                if (db == 'sqlite') s.execute('PRAGMA foreign_keys = ON')
                s.execute(sql)
            }
        }
    }

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db (#language) an unnamed foreign key and unique constraint are dropped by their columns, and absent ones are tolerated"() {
        given:
        def p = project(db, language)

        when:
        def up = p.run('upgrade', 'head')

        then: 'the new foreign key cascades, and the unique constraint is gone'
        up.exitCode == 0
        execute(p, db, "INSERT INTO runs (run_uuid, experiment_id, name) VALUES ('r3', 2, 'a')")
        execute(p, db, 'DELETE FROM experiments WHERE experiment_id = 1')
        p.rows('SELECT run_uuid FROM runs ORDER BY run_uuid') == [['r2'], ['r3']]

        when: 'the downgrade drops the named key only if it is there, and puts a unique constraint back'
        execute(p, db, "DELETE FROM runs WHERE run_uuid = 'r3'")
        def down = p.run('downgrade', '-1')
        execute(p, db, "INSERT INTO runs (run_uuid, experiment_id, name) VALUES ('r4', 2, 'b')")

        then:
        down.exitCode == 0
        thrown(java.sql.SQLException)

        where:
        [db, language] << [RealWorldDatabases.ALL, ['groovy', 'kotlin']].combinations()
    }

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db a foreign key that is not on those columns is an error naming the table's foreign keys"() {
        given:
        def p = RealWorldDatabases.project(dir, db, 'drops_none')
        p.revisionWithHeader('d10000000001', null, TABLES)
        p.revisionWithHeader('d10000000002', 'd10000000001', "upgrade {\n    dropForeignKey 'runs', ['name']\n}\n")

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains('d10000000002.groovy:6')
        run.err.contains("table 'runs' has no foreign key on exactly [name]; its foreign keys: ")
        run.err.contains('Add ifExists: true if it may be absent')

        where:
        db << RealWorldDatabases.ALL
    }

    def "offline the name a database gave an unnamed constraint is unknown, so the error says what to do; SQLite needs none"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('d10000000001', null, TABLES)
        p.revisionWithHeader('d10000000002', 'd10000000001', DROPS_GROOVY)

        when:
        def postgres = p.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')
        def sqlite = p.run('upgrade', 'head', '--sql', '--dialect', 'sqlite')

        then:
        postgres.exitCode == 1
        postgres.err.contains("dropForeignKey runs [experiment_id]: the foreign key was created without a name, so the name postgresql gave it is known only to the database")
        sqlite.exitCode == 0
        sqlite.out.contains('CONSTRAINT fk_runs_experiment FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id) ON DELETE CASCADE')
    }

    def "offline a constraint the script named is found by its columns and dropped by that name (#dialect)"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('d10000000001', null, '''
            upgrade {
                createTable('tags') { column 'id', integer, primaryKey: true; column 'code', string(10); unique 'uq_tags_code', ['code'] }
                dropUniqueConstraint 'tags', ['code']
                dropConstraint 'uq_tags_code', 'tags', type: 'unique', ifExists: true
            }
        ''')

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', dialect)

        then:
        run.exitCode == 0
        run.out.contains(drop)
        run.out.count(drop) == 1

        where:
        dialect      | drop
        'postgresql' | 'ALTER TABLE tags DROP CONSTRAINT uq_tags_code'
        'h2'         | 'ALTER TABLE tags DROP CONSTRAINT uq_tags_code'
        'mysql'      | 'ALTER TABLE tags DROP INDEX uq_tags_code'
        'mssql'      | 'ALTER TABLE tags DROP CONSTRAINT uq_tags_code'
    }
}
