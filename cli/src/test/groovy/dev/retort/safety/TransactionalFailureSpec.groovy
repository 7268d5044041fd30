package dev.retort.safety

import dev.retort.testing.TempProject
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

@Requires({ TestDatabases.hasPostgres() })
class TransactionalFailureSpec extends Specification {
    @TempDir Path tmp

    static final String FAILING = '''\
        upgrade {
            addColumn 'accounts', 'email', string(100)
            createIndex 'ix_orders_account', 'orders', ['account_id']
            createIndex 'ix_orders_missing', 'orders', ['no_such_column']
        }
        '''

    private TempProject project(String name, boolean perMigration) {
        def p = new TempProject(tmp.resolve(name), TestDatabases.freshPostgres("retort_i7_$name"),
                [transaction_per_migration: perMigration.toString()])
        p.revisionWithHeader('aaaa00000001', null, '''\
            upgrade {
                createTable('accounts') {
                    column 'id', integer, primaryKey: true
                    column 'name', string(50), nullable: false
                }
            }
            ''')
        p.revisionWithHeader('aaaa00000002', 'aaaa00000001', '''\
            upgrade {
                createTable('orders') {
                    column 'id', integer, primaryKey: true
                    column 'account_id', integer
                }
                insert 'accounts', [[id: 1, name: 'Ana']]
            }
            ''')
        p.revisionWithHeader('aaaa00000003', 'aaaa00000002', FAILING)
        return p
    }

    def "a revision whose third operation fails leaves PostgreSQL exactly as before the transaction (transaction_per_migration = #perMigration)"() {
        given: 'the database at the first revision'
        def p = project("pg_tx_$perMigration", perMigration)
        assert p.run('upgrade', 'aaaa00000001').exitCode == 0
        def before = SchemaSnapshot.postgres(p)

        and: 'what the second revision alone leaves, from a clean database'
        def reference = project("pg_ref_$perMigration", false)
        assert reference.run('upgrade', 'aaaa00000002').exitCode == 0
        def atSecond = SchemaSnapshot.postgres(reference)

        when: 'upgrading runs the second revision, then fails in the third'
        def result = p.run('upgrade', 'head')

        then: 'the run fails and says where, what and why'
        result.exitCode == 1
        int line = p.dir.resolve('versions/aaaa00000003.groovy').toFile().readLines().findIndexOf { it.contains('ix_orders_missing') } + 1
        result.err.contains("revision aaaa00000003 failed at statement 3 of 3 (versions/aaaa00000003.groovy:$line, createIndex ix_orders_missing): " +
                'CREATE INDEX ix_orders_missing ON orders (no_such_column)')
        result.err.contains('no_such_column')
        result.err.contains('the transaction was rolled back')
        !result.err.contains('\tat ')

        and: 'one transaction for the run: the database is exactly as before it; one per revision: exactly as before the third'
        SchemaSnapshot.postgres(p) == (perMigration ? atSecond : before)
        SchemaSnapshot.postgres(p) != (perMigration ? before : atSecond)

        and: 'the history tells the story: the second revision succeeded only where it was committed, the third failed'
        p.rows("SELECT revision, direction, success, statements_applied FROM retort_history ORDER BY id") ==
                [['aaaa00000001', 'upgrade', 't', '1']] +
                (perMigration ? [['aaaa00000002', 'upgrade', 't', '2']] : []) +
                [['aaaa00000003', 'upgrade', 'f', '0']]
        p.rows("SELECT error FROM retort_history WHERE success = false")[0][0].contains('no_such_column')

        where:
        perMigration << [false, true]
    }

    def "after the failing operation is fixed, a rerun completes the upgrade"() {
        given:
        def p = project('pg_fixed', false)
        assert p.run('upgrade', 'head').exitCode == 1

        when:
        p.revisionWithHeader('aaaa00000003', 'aaaa00000002', FAILING.replace("['no_such_column']", "['id', 'account_id']"))
        def result = p.run('upgrade', 'head')

        then:
        result.exitCode == 0
        SchemaSnapshot.versions(p) == [['aaaa00000003']]
        p.rows("SELECT indexname FROM pg_indexes WHERE tablename = 'orders' ORDER BY 1")*.get(0) == ['ix_orders_account', 'ix_orders_missing', 'orders_pkey']
    }
}
