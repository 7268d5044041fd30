package dev.retort.safety

import dev.retort.dsl.dialect.Dialects
import dev.retort.internal.command.Migrate
import dev.retort.internal.command.Project
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.db.Database
import dev.retort.internal.db.DatabaseException
import dev.retort.internal.graph.Direction
import dev.retort.testing.StatementLog
import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * MariaDB commits DDL by itself, so its run stays statement by statement, each statement's completion recorded before
 * the next one runs (a batch would run on past a failure with nothing to take it back): nothing of a step is
 * batched but an insert's rows, and a failure in the middle of a step is named as ever.
 */
@Requires({ TestDatabases.hasMariadb() })
class BatchedStatementsOnMariadbSpec extends Specification {
    @TempDir Path tmp

    def "statements go one by one, with their progress between them, and a failing one is named with its file and line"() {
        given:
        def p = new TempProject(tmp.resolve('p'), TestDatabases.freshMariadb('retort_batch_mariadb'))
        p.revisionWithHeader('ffff00000001', null, '''\
            upgrade {
                createTable('alpha') {
                    column 'id', integer, primaryKey: true
                    column 'name', string(50)
                }
                insert 'alpha', [[id: 1, name: 'Ana']]
                createIndex 'ix_bad', 'alpha', ['no_such_column']
                addColumn 'alpha', 'note', string(20)
            }
            ''')
        int line = p.dir.resolve('versions/ffff00000001.groovy').toFile().readLines().findIndexOf { it.contains('no_such_column') } + 1
        def config = ConfigLoader.load(p.ini, null, [:], [:], [:])
        def log = new StatementLog(config.url())
        Database db = Database.of(log.dataSource)

        when:
        String error = null
        try {
            Migrate.online(Project.open(config), db, Direction.UPGRADE, 'head', { String l -> })
        } catch (DatabaseException e) {
            error = e.message
        } finally {
            db.close()
        }

        then:
        !Dialects.byName('mariadb').capabilities().statementBatches()
        error.startsWith("revision ffff00000001 failed at statement 3 of 4 (versions/ffff00000001.groovy:$line, createIndex ix_bad): "
                + 'CREATE INDEX ix_bad ON alpha (no_such_column): ')
        error.contains('no_such_column')
        error.endsWith('statements 1–2 were applied. Fix the script and run again: Retort resumes at statement 3 as long as statements 1–2 stay as they are.')

        and: 'the only batch is the insert\'s rows; each statement went alone, followed by its progress'
        log.batches()*.collect { it.split(' ')[0..2].join(' ') } == [['INSERT INTO alpha']]
        def singles = log.sent.findAll { it.kind == 'single' }*.sql.flatten()
        def createTable = singles.findIndexOf { it.startsWith('CREATE TABLE alpha') }
        createTable >= 0
        singles[createTable + 1].startsWith('UPDATE retort_history SET statements_applied')
        singles.any { it.startsWith('CREATE INDEX ix_bad') }
    }
}
