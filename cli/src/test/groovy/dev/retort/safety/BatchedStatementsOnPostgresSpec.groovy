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
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * On PostgreSQL a step's statements and bookkeeping go in one batch (PgJDBC sends it in one round trip). PgJDBC
 * marks every entry of a failed batch as failed inside a transaction, so the failing statement is always found by
 * running the transaction's work again after the rollback, or after a rollback to a savepoint once a
 * {@code connection { }} block ran. The reports are compared word for word with the one-by-one run's.
 */
@Requires({ TestDatabases.hasPostgres() })
class BatchedStatementsOnPostgresSpec extends Specification {
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
            insert 'alpha', [[id: 1, name: 'Ana']]
        }
        '''

    private TempProject project(String name, List<String> scripts, Map<String, ?> settings = [:]) {
        def p = new TempProject(tmp.resolve(name), TestDatabases.freshPostgres("retort_batch_$name"), settings)
        scripts.eachWithIndex { String script, int i ->
            p.revisionWithHeader(String.format('eeee%08d', i + 1), i == 0 ? null : String.format('eeee%08d', i), script)
        }
        return p
    }

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

    private static Dialect oneByOne() { DialectWith.capabilities('postgresql') { it.withStatementBatches(false) } }

    private static String line(TempProject p, String revision, String marker) {
        p.dir.resolve("versions/${revision}.groovy").toFile().readLines().findIndexOf { it.contains(marker) } + 1
    }

    def "PostgreSQL's dialect batches, and the run sends each step's statements in one batch"() {
        given:
        def p = project('three', [FIRST, SECOND])
        def log = new StatementLog(ConfigLoader.load(p.ini, null, [:], [:], [:]).url())

        expect:
        Dialects.byName('postgresql').capabilities().statementBatches()
        upgrade(p, Dialects.byName('postgresql'), log) == null

        and: 'step 1 in one batch; step 2 up to its insert in one, its rows prepared, then its version change'
        log.batches()*.collect { it.split(' ')[0..2].join(' ') } == [
                ['CREATE TABLE alpha', 'CREATE INDEX ix_alpha_name', 'INSERT INTO retort_version'],
                ['INSERT INTO retort_history', 'CREATE TABLE beta', 'ALTER TABLE alpha'],
                ['INSERT INTO alpha'],
                ['UPDATE retort_version SET'],
                ['INSERT INTO retort_history']]
        log.sent.findAll { it.kind == 'single' }*.sql.flatten().findAll { it =~ /alpha|beta/ } == []

        and: 'the rows and schema are the one-by-one run\'s'
        def plain = project('three_plain', [FIRST, SECOND])
        upgrade(plain, oneByOne()) == null
        SchemaSnapshot.postgres(p) == SchemaSnapshot.postgres(plain)
        p.rows('SELECT id, revision, direction, success, statements_total, statements_applied FROM retort_history ORDER BY id') ==
                plain.rows('SELECT id, revision, direction, success, statements_total, statements_applied FROM retort_history ORDER BY id')
        p.rows('SELECT count(*) FROM retort_history WHERE finished_at < started_at OR duration_ms IS NULL') == [['0']]
        p.rows('SELECT id, name, beta_id FROM alpha') == [['1', 'Ana', null]]
    }

    def "a statement failing in the middle of a batched step names statement, file and line as the one-by-one run does: #how"() {
        given:
        def p = project("fail_$n", scripts, settings)
        def plain = project("fail_${n}_plain", scripts, settings)
        String revision = String.format('eeee%08d', scripts.size())

        when:
        def error = upgrade(p, Dialects.byName('postgresql'))

        then:
        error.startsWith("revision $revision failed at statement $statement (versions/${revision}.groovy:${line(p, revision, 'no_such_column')}, "
                + 'createIndex ix_bad): CREATE INDEX ix_bad ON alpha (no_such_column): ERROR: column "no_such_column" does not exist')
        error.contains('the transaction was rolled back')
        error == upgrade(plain, oneByOne())

        and: 'the database is as the one-by-one run leaves it'
        SchemaSnapshot.postgres(p) == SchemaSnapshot.postgres(plain)
        p.rows('SELECT revision, success, statements_applied FROM retort_history ORDER BY id') ==
                plain.rows('SELECT revision, success, statements_applied FROM retort_history ORDER BY id')

        where:
        n | how                                           | statement | settings                             | scripts
        1 | 'one transaction for the run'                 | '2 of 3'  | [:]                                  | [FIRST, SECOND, BAD]
        2 | 'a transaction per revision'                  | '2 of 3'  | [transaction_per_migration: 'true'] | [FIRST, SECOND, BAD]
        3 | 'after a connection block in the transaction' | '3 of 4'  | [:]                                  | [FIRST, SECOND, '''\
            upgrade {
                createTable('gamma') { column 'id', integer, primaryKey: true }
                connection { c -> c.createStatement().execute("UPDATE alpha SET name = 'Bea'") }
                createIndex 'ix_bad', 'alpha', ['no_such_column']
                addColumn 'beta', 'gamma_id', integer
            }
            ''']
    }

    static final String BAD = '''\
        upgrade {
            createTable('gamma') { column 'id', integer, primaryKey: true }
            createIndex 'ix_bad', 'alpha', ['no_such_column']
            addColumn 'beta', 'gamma_id', integer
        }
        '''
}
