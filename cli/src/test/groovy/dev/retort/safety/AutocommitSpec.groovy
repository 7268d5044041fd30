package dev.retort.safety

import dev.retort.testing.TempProject
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

    static final String PLAIN = '''\
        upgrade {
            createTable('events') {
                column 'id', integer, primaryKey: true
                column 'kind', string(20)
            }
            createIndex 'ix_events_kind', 'events', ['kind'], concurrently: true
            insert 'events', [[id: 1, kind: 'a']]
        }
        '''

    @Timeout(120)
    @Requires({ TestDatabases.hasPostgres() })
    def "CREATE INDEX CONCURRENTLY runs in an autocommit block while the migration lock is held, without deadlock"() {
        given:
        def p = new TempProject(tmp.resolve('pg'), TestDatabases.freshPostgres('retort_i7_autocommit'))
        p.revisionWithHeader('ffff00000001', null, CONCURRENT)

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.exitCode == 0
        p.rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_kind'")[0][0].contains('(kind)')
        p.rows('SELECT id FROM events') == [['1']]
        p.rows('SELECT version_num FROM retort_version') == [['ffff00000001']]
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "without an autocommit block CREATE INDEX CONCURRENTLY still runs outside the transaction (#where)"() {
        given:
        def p = new TempProject(tmp.resolve("pg_$where"), TestDatabases.freshPostgres("retort_i7_concurrent_$where"))
        p.revisionWithHeader('ffff00000001', null, script)

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.exitCode == 0
        p.rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_kind'")[0][0].contains('CREATE INDEX ix_events_kind')
        p.rows('SELECT id FROM events') == [['1']]
        p.rows('SELECT version_num FROM retort_version') == [['ffff00000001']]

        where:
        where       | script
        'plain'     | PLAIN
        'ondialect' | CONCURRENT.replace('autocommit {', "onDialect('postgresql') {")
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "a failure after CREATE INDEX CONCURRENTLY rolls back only what followed it, and says what stayed committed"() {
        given:
        def p = new TempProject(tmp.resolve('pg3'), TestDatabases.freshPostgres('retort_i7_concurrent_fail'))
        p.revisionWithHeader('ffff00000001', null, PLAIN.replace("kind: 'a'", "nope: 'a'"))

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.exitCode == 1
        r.err.contains('failed at statement 3 of 3')
        r.err.contains('autocommit statements (autocommit { } blocks, CREATE INDEX CONCURRENTLY) were committed as they ran')
        p.rows("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_events_kind'") == [['1']]
        p.rows('SELECT count(*) FROM events') == [['0']]
        p.rows('SELECT version_num FROM retort_version') == []
    }

    def "offline, an autocommit block ends the transaction and the statements after it open a new one"() {
        given:
        def p = new TempProject(tmp.resolve('offline'), 'jdbc:postgresql://localhost/none')
        p.revisionWithHeader('ffff00000001', null, CONCURRENT)

        when:
        def r = p.run('upgrade', '--sql', 'head')
        List<String> statements = r.out.readLines().findAll { it && !it.startsWith('--') && !it.startsWith(' ') && !it.startsWith(')') }

        then:
        r.exitCode == 0
        statements.findIndexOf { it.startsWith('CREATE INDEX CONCURRENTLY ix_events_kind') } ==
                statements.findIndexOf { it == 'COMMIT;' } + 1
        statements[statements.findIndexOf { it.startsWith('CREATE INDEX CONCURRENTLY') } + 1] == 'BEGIN;'
        statements.last() == 'COMMIT;'
    }
}
