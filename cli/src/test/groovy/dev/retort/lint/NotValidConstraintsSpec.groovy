package dev.retort.lint

import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.IgnoreIf
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * notValid: true and validateConstraint, the fixes for RT205/RT206, on real databases: PostgreSQL adds the constraints
 * NOT VALID (old rows that break them stay, new ones are checked) and validates them later; MariaDB and SQLite check the
 * rows as they add them, ignore both, and say so once.
 */
class NotValidConstraintsSpec extends Specification {
    @TempDir Path tmp

    static final String TABLES = '''\
        upgrade {
            createTable('customers') { column 'id', integer, primaryKey: true }
            createTable('orders') {
                column 'id', integer, primaryKey: true
                column 'customer_id', integer
                column 'total', integer
            }
            insert 'customers', [[id: 1]]
            insert 'orders', [[id: 1, customer_id: 1, total: 5]]
        }
        '''
    static final String ADD = '''\
        upgrade {
            createForeignKey 'fk_orders_customer', 'orders', 'customers', ['customer_id'], ['id'], notValid: true
            createCheckConstraint 'ck_orders_total', 'orders', 'total >= 0', notValid: true
        }
        '''
    static final String VALIDATE = '''\
        upgrade {
            validateConstraint 'fk_orders_customer', 'orders'
            validateConstraint 'ck_orders_total', 'orders'
        }
        '''

    @Requires({ TestDatabases.hasPostgres() })
    def "PostgreSQL adds them NOT VALID (convalidated = false), then VALIDATE CONSTRAINT makes them valid"() {
        given:
        def p = new TempProject(tmp, TestDatabases.freshPostgres('retort_lint_notvalid'))
        p.revisionWithHeader('r1', null, TABLES)
        p.revisionWithHeader('r2', 'r1', ADD)
        p.revisionWithHeader('r3', 'r2', VALIDATE)
        String valid = "SELECT conname, convalidated FROM pg_constraint WHERE conname IN ('fk_orders_customer', 'ck_orders_total') ORDER BY conname"

        when:
        def added = p.run('upgrade', 'r2')

        then:
        added.exitCode == 0
        !added.out.contains('ignored')
        p.rows(valid) == [['ck_orders_total', 'f'], ['fk_orders_customer', 'f']]
        p.run('upgrade', '--sql', 'r1:r3').out.contains('ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer;')

        when:
        def validated = p.run('upgrade', 'head')

        then:
        validated.exitCode == 0
        p.rows(valid) == [['ck_orders_total', 't'], ['fk_orders_customer', 't']]

        when: 'the derived downgrade undoes the validation (nothing to undo) and drops the constraints'
        def down = p.run('downgrade', 'r1')

        then:
        down.exitCode == 0
        p.rows(valid) == []
    }

    @IgnoreIf({ data.dialect == 'mariadb' && !TestDatabases.hasMariadb() })
    def "#dialect ignores notValid and validateConstraint, checks the constraints as it adds them, and says so once"() {
        given:
        def p = new TempProject(tmp.resolve(dialect), url)
        p.revisionWithHeader('r1', null, TABLES)
        p.revisionWithHeader('r2', 'r1', ADD)
        p.revisionWithHeader('r3', 'r2', VALIDATE)

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 0
        run.out.readLines().count { it == "warning: notValid: true is ignored on $dialect, which checks a constraint's rows as it adds it" } == 1
        run.out.readLines().count { it == "warning: validateConstraint does nothing on $dialect: its constraints were checked when added" } == 1
        p.rows('SELECT version_num FROM retort_version') == [['r3']]

        when: 'the constraint is there and enforced'
        p.connect().withCloseable { it.createStatement().execute('INSERT INTO orders (id, customer_id, total) VALUES (2, 1, -1)') }

        then:
        thrown(java.sql.SQLException)

        where:
        dialect   | url
        'sqlite'  | 'jdbc:sqlite:${here}/lint.db'
        'mariadb' | (TestDatabases.hasMariadb() ? TestDatabases.freshMariadb('retort_lint_notvalid') : null)
    }
}
