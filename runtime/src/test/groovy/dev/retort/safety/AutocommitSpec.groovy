package dev.retort.safety

import dev.retort.testing.ProjectFixture
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

class AutocommitSpec extends Specification {
    @TempDir Path tmp

    static final String CONCURRENT = '''\
        upgrade {
            createTable('events') {
                column 'id', integer, primaryKey: true
                column 'kind', string(20)
            }
            autocommit {
                createIndex 'ix_events_kind', 'events', ['kind'], concurrently: true
            }
            insert 'events', [[id: 1, kind: 'a']]
        }
        '''

    @Timeout(120)
    @Requires({ TestDatabases.hasPostgres() })
    def "CREATE INDEX CONCURRENTLY runs in an autocommit block while the migration lock is held, without deadlock"() {
        given:
        def p = new ProjectFixture(tmp.resolve('pg'), TestDatabases.freshPostgres('retort_i7_autocommit'))
        p.revision('ffff00000001', null, CONCURRENT)

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.code == 0
        p.rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_kind'")[0][0].contains('(kind)')
        p.rows('SELECT id FROM events') == [['1']]
        p.rows('SELECT version_num FROM retort_version') == [['ffff00000001']]
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "without the autocommit block PostgreSQL refuses CONCURRENTLY and the step rolls back"() {
        given:
        def p = new ProjectFixture(tmp.resolve('pg2'), TestDatabases.freshPostgres('retort_i7_no_autocommit'))
        p.revision('ffff00000001', null, CONCURRENT.replace('autocommit {', 'onDialect(\'postgresql\') {'))

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.code == 1
        r.err.contains('CREATE INDEX CONCURRENTLY cannot run inside a transaction block')
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'events'") == [['0']]
    }

    def "offline, an autocommit block ends the transaction and the statements after it open a new one"() {
        given:
        def p = new ProjectFixture(tmp.resolve('offline'), 'jdbc:postgresql://localhost/none')
        p.revision('ffff00000001', null, CONCURRENT)

        when:
        def r = p.run('upgrade', '--sql', 'head')
        List<String> statements = r.out.readLines().findAll { it && !it.startsWith('--') && !it.startsWith(' ') && !it.startsWith(')') }

        then:
        r.code == 0
        statements.findIndexOf { it.startsWith('CREATE INDEX CONCURRENTLY ix_events_kind') } ==
                statements.findIndexOf { it == 'COMMIT;' } + 1
        statements[statements.findIndexOf { it.startsWith('CREATE INDEX CONCURRENTLY') } + 1] == 'BEGIN;'
        statements.last() == 'COMMIT;'
    }
}
