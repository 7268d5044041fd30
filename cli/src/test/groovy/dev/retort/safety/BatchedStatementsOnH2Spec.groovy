package dev.retort.safety

import dev.retort.dsl.dialect.Dialect
import dev.retort.dsl.dialect.Dialects
import dev.retort.internal.command.Migrate
import dev.retort.internal.command.Project
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.db.Database
import dev.retort.internal.db.DatabaseException
import dev.retort.internal.graph.Direction
import dev.retort.testing.DialectWith
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.StatementLog
import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The batched run (a step's statements and bookkeeping sent together), on H2 under a dialect that claims
 * {@code statementBatches} as PostgreSQL's does, so it is covered on every machine; BatchedStatementsOnPostgresSpec
 * runs it on PostgreSQL. What each connection sends is recorded through {@link StatementLog}.
 */
class BatchedStatementsOnH2Spec extends Specification {
    @TempDir Path tmp

    static final String FIRST = '''\
        upgrade {
            createTable('alpha') {
                column 'id', integer, primaryKey: true
                column 'name', string(50)
            }
            createIndex 'ix_alpha_name', 'alpha', ['name']
        }
        '''
    static final String SECOND = '''\
        upgrade {
            createTable('beta') { column 'id', integer, primaryKey: true }
            addColumn 'alpha', 'beta_id', integer
        }
        '''
    static final String THIRD = '''\
        upgrade {
            createTable('gamma') { column 'id', integer, primaryKey: true }
            addColumn 'beta', 'gamma_id', integer
            createIndex 'ix_beta_gamma', 'beta', ['gamma_id']
        }
        '''

    private TempProject project(String name, List<String> scripts, Map<String, ?> settings = [:]) {
        def p = new TempProject(tmp.resolve(name), "jdbc:h2:file:${tmp.resolve(name + '-db/db').toString().replace('\\', '/')}", settings)
        scripts.eachWithIndex { String script, int i ->
            p.revisionWithHeader(String.format('dddd%08d', i + 1), i == 0 ? null : String.format('dddd%08d', i), script)
        }
        return p
    }

    /** {@code upgrade head} as the command runs it, through {@code dialect}, recorded in {@code log}; the error, or null. */
    private static String upgrade(TempProject p, Dialect dialect, StatementLog log = null) {
        def config = ConfigLoader.load(p.ini, null, [:], [:], [:])
        log = log ?: new StatementLog(config.url())
        Database db = Database.of(log.dataSource).withDialect(dialect)
        try {
            Migrate.online(Project.open(config), db, Direction.UPGRADE, 'head', { String line -> })
            return null
        } catch (DatabaseException e) {
            return e.message
        } finally {
            db.close()
        }
    }

    private static Dialect batching() { DialectWith.capabilities('h2') { it.withStatementBatches(true) } }

    private static String line(TempProject p, String revision, String marker) {
        p.dir.resolve("versions/${revision}.groovy").toFile().readLines().findIndexOf { it.contains(marker) } + 1
    }

    def "each step's statements and version-table change go in one batch, with the history row of the step before"() {
        given:
        def p = project('three', [FIRST, SECOND, THIRD])
        def log = new StatementLog(ConfigLoader.load(p.ini, null, [:], [:], [:]).url())

        when:
        def error = upgrade(p, batching(), log)

        then:
        error == null
        def batches = log.batches()
        batches*.collect { it.split(' ')[0..1].join(' ') } == [
                ['CREATE TABLE', 'CREATE INDEX', 'INSERT INTO'],
                ['INSERT INTO', 'CREATE TABLE', 'ALTER TABLE', 'UPDATE retort_version'],
                ['INSERT INTO', 'CREATE TABLE', 'ALTER TABLE', 'CREATE INDEX', 'UPDATE retort_version'],
                ['INSERT INTO']]
        batches[0][2].startsWith('INSERT INTO retort_version')
        batches[1..3]*.get(0).every { it.startsWith('INSERT INTO retort_history') }

        and: 'no statement of a step went on its own'
        log.sent.findAll { it.kind == 'single' }*.sql.flatten().findAll { it =~ /(?i)alpha|beta|gamma/ } == []

        and: 'the history rows are those of the one-by-one run: each step timed, in order, successful'
        p.rows('SELECT id, revision, success, statements_total, statements_applied FROM retort_history ORDER BY id') ==
                [['1', 'dddd00000001', 'TRUE', '2', '2'], ['2', 'dddd00000002', 'TRUE', '2', '2'], ['3', 'dddd00000003', 'TRUE', '3', '3']]
        p.rows('SELECT count(*) FROM retort_history WHERE finished_at < started_at OR duration_ms < 0 OR duration_ms IS NULL') == [['0']]
        p.rows('SELECT version_num FROM retort_version') == [['dddd00000003']]

        and: 'the schema is the one-by-one run\'s'
        def plain = project('plain', [FIRST, SECOND, THIRD])
        upgrade(plain, Dialects.byName('h2')) == null
        SchemaSnapshot.read(p).without(['retort_history']) == SchemaSnapshot.read(plain).without(['retort_history'])
    }

    def "with transaction_per_migration each step's history row is sent before its commit"() {
        given:
        def p = project('per', [FIRST, SECOND], [transaction_per_migration: 'true'])
        def log = new StatementLog(ConfigLoader.load(p.ini, null, [:], [:], [:]).url())

        expect:
        upgrade(p, batching(), log) == null
        log.batches()*.collect { it.split(' ')[0..2].join(' ') } == [
                ['CREATE TABLE alpha', 'CREATE INDEX ix_alpha_name', 'INSERT INTO retort_version'], ['INSERT INTO retort_history'],
                ['CREATE TABLE beta', 'ALTER TABLE alpha', 'UPDATE retort_version SET'], ['INSERT INTO retort_history']]
        p.rows('SELECT revision, success FROM retort_history ORDER BY id') == [['dddd00000001', 'TRUE'], ['dddd00000002', 'TRUE']]
    }

    def "a statement failing in a batched step is reported as the one-by-one run reports it: #how"() {
        given:
        def p = project("batched_$n", scripts, settings)
        def plain = project("plain_$n", scripts, settings)
        String revision = String.format('dddd%08d', scripts.size())

        when:
        def error = upgrade(p, batching())

        then: 'statement, file:line, operation, SQL and the database\'s message'
        error.startsWith("revision $revision failed at statement $statement (versions/${revision}.groovy:${line(p, revision, 'missing')}, ")
        error.contains(': DROP TABLE missing_table: ') || error.contains(': UPDATE missing_table SET id = 2: ')
        error.contains('MISSING_TABLE')
        error.contains('the transaction was rolled back')

        and: 'word for word what the one-by-one run says, and the same rows afterwards'
        error == upgrade(plain, Dialects.byName('h2'))
        p.rows('SELECT version_num FROM retort_version') == plain.rows('SELECT version_num FROM retort_version')
        scripts.size() == 1 || p.rows('SELECT id, name FROM alpha ORDER BY id') == plain.rows('SELECT id, name FROM alpha ORDER BY id')
        p.rows('SELECT revision, success, statements_applied FROM retort_history ORDER BY id') ==
                plain.rows('SELECT revision, success, statements_applied FROM retort_history ORDER BY id')

        where:
        n | how                                                                      | statement | settings | scripts
        1 | 'in the middle of a batch, named by the update counts'                   | '2 of 3'  | [:]      | [FIRST, SECOND, '''\
            upgrade {
                createTable('gamma') { column 'id', integer, primaryKey: true }
                dropTable 'missing_table'
                addColumn 'beta', 'gamma_id', integer
            }
            ''']
        2 | 'first of the run\'s first batch, found by running it again'              | '1 of 2'  | [:]      | ['''\
            upgrade {
                dropTable 'missing_table'
                createTable('gamma') { column 'id', integer, primaryKey: true }
            }
            ''']
        // H2 commits DDL as it runs it, so the transaction that is run again holds data changes only (on PostgreSQL,
        // BatchedStatementsOnPostgresSpec runs it again over DDL).
        3 | 'first of a batch after an insert, found by running the transaction again' | '2 of 4'  | [transaction_per_migration: 'true'] | [FIRST, '''\
            upgrade {
                insert 'alpha', [[id: 1, name: 'Ana']]
                execute "UPDATE missing_table SET id = 2"
                execute "UPDATE alpha SET name = 'Ann'"
                execute "UPDATE alpha SET id = 3"
            }
            ''']
        4 | 'first of a batch after a connection block, found after a savepoint'     | '2 of 4'  | [transaction_per_migration: 'true'] | [FIRST, '''\
            upgrade {
                connection { c -> c.createStatement().execute("INSERT INTO alpha (id, name) VALUES (2, 'Bea')") }
                execute "UPDATE missing_table SET id = 2"
                execute "UPDATE alpha SET name = 'Ann'"
                execute "UPDATE alpha SET id = 3"
            }
            ''']
        5 | 'with transaction_per_migration'                                          | '1 of 2'  | [transaction_per_migration: 'true'] | [FIRST, '''\
            upgrade {
                dropTable 'missing_table'
                createTable('gamma') { column 'id', integer, primaryKey: true }
            }
            ''']
    }
}
