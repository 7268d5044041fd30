package dev.retort.safety

import dev.retort.testing.TempProject
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

@Requires({ TestDatabases.hasMariadb() })
class NonTransactionalProgressSpec extends Specification {
    @TempDir Path tmp

    static final String SCRIPT = '''\
        upgrade {
            createTable('customers') {
                column 'id', integer, primaryKey: true
                column 'name', string(50)
            }
            addColumn 'customers', 'email', string(100)
            createIndex 'ix_customers_email', 'customers', ['COLUMN']
            createTable('invoices') {
                column 'id', integer, primaryKey: true
                column 'customer_id', integer, references: 'customers.id'
            }
            insert 'customers', [[id: 1, name: 'Ana', email: 'ana@example.com']]
        }
        '''
    static final String BROKEN = SCRIPT.replace('COLUMN', 'no_such_column')
    static final String FIXED = SCRIPT.replace('COLUMN', 'email')

    private TempProject project(String name, String script) {
        def p = new TempProject(tmp.resolve(name), TestDatabases.freshMariadb("retort_i7_$name"))
        p.revisionWithHeader('bbbb00000001', null, '''\
            upgrade {
                createTable('base_table') {
                    column 'id', integer, primaryKey: true
                }
            }
            ''')
        p.revisionWithHeader('bbbb00000002', 'bbbb00000001', script)
        return p
    }

    def "on MariaDB a failed statement is reported exactly, and a rerun after the fix resumes and ends like a clean run"() {
        given:
        def p = project('maria_resume', BROKEN)
        int line = BROKEN.stripIndent().readLines().findIndexOf { it.contains('no_such_column') } + 1 + 4 // after the 4 header lines

        when:
        def failed = p.run('upgrade', 'head')

        then: 'the report names the revision, statement, file:line, SQL, database error and what was applied'
        failed.exitCode == 1
        failed.err.startsWith("error: revision bbbb00000002 failed at statement 3 of 5 (versions/bbbb00000002.groovy:$line, " +
                'createIndex ix_customers_email): CREATE INDEX ix_customers_email ON customers (no_such_column): ')
        failed.err.contains("Key column 'no_such_column' doesn't exist in table")
        failed.err.contains('; statements 1–2 were applied. Fix the script and run again: Retort resumes at statement 3 as long as statements 1–2 stay as they are.')

        and: 'the database holds exactly statements 1 and 2, the version row the first revision, the history row the progress'
        p.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'customers' ORDER BY ordinal_position")*.get(0) == ['id', 'name', 'email']
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'invoices'") == [['0']]
        SchemaSnapshot.versions(p) == [['bbbb00000001']]
        p.rows("SELECT revision, success, statements_total, statements_applied FROM retort_history ORDER BY id") ==
                [['bbbb00000001', '1', '1', '1'], ['bbbb00000002', '0', '5', '2']]

        when: 'the script is fixed and the upgrade runs again'
        p.revisionWithHeader('bbbb00000002', 'bbbb00000001', FIXED)
        def rerun = p.run('upgrade', 'head')

        then: 'it resumes at statement 3 instead of failing on "table already exists"'
        rerun.exitCode == 0
        rerun.out.contains('Resuming revision bbbb00000002 at statement 3 of 5: statements 1–2 were applied by the run that failed')

        and: 'the schema equals a clean run of the fixed script'
        def clean = project('maria_clean', FIXED)
        clean.run('upgrade', 'head').exitCode == 0
        SchemaSnapshot.mariadb(p) == SchemaSnapshot.mariadb(clean)
        p.rows('SELECT id, name, email FROM customers') == [['1', 'Ana', 'ana@example.com']]

        and: 'the history keeps the failed attempt and the completing one'
        p.rows("SELECT revision, success, statements_applied FROM retort_history ORDER BY id") ==
                [['bbbb00000001', '1', '1'], ['bbbb00000002', '0', '2'], ['bbbb00000002', '1', '5']]
    }

    def "on MariaDB a rerun refuses to guess when the statements a failed run applied have changed since"() {
        given:
        def p = project('maria_changed', BROKEN)
        assert p.run('upgrade', 'head').exitCode == 1
        def partial = SchemaSnapshot.mariadb(p)

        when: 'statement 2, already applied, is edited together with the fix'
        p.revisionWithHeader('bbbb00000002', 'bbbb00000001', FIXED.replace("string(100)", "string(200)"))
        def rerun = p.run('upgrade', 'head')

        then:
        rerun.exitCode == 1
        rerun.err.contains('revision bbbb00000002 failed in an earlier run (history row 2) after statements 1–2 were applied, and '
                + 'versions/bbbb00000002.groovy no longer renders those 2 statements the same way')
        rerun.err.contains('UPDATE retort_history SET statements_applied = 0 WHERE id = 2')
        SchemaSnapshot.mariadb(p) == partial
    }
}
