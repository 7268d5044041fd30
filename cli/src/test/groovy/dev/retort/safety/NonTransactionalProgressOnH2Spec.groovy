package dev.retort.safety

import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.op.CreateIndex
import dev.retort.internal.command.Migrate
import dev.retort.internal.command.Project
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.db.Database
import dev.retort.internal.db.DatabaseException
import dev.retort.internal.graph.Direction
import dev.retort.testing.NonTransactionalH2
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The resumable statement-by-statement run, on H2 under a dialect that reports DDL committing by itself (as MySQL
 * and MariaDB do), so it is covered on every machine; NonTransactionalProgressSpec runs the same story on MariaDB.
 */
class NonTransactionalProgressOnH2Spec extends Specification {
    @TempDir Path tmp

    /** Statement 2 is an insert: run twice, it would break the primary key, so a rerun that passes did not repeat it. */
    static final String SCRIPT = '''\
        upgrade {
            createTable('customers') {
                column 'id', integer, primaryKey: true
                column 'name', string(50)
            }
            insert 'customers', [[id: 1, name: 'Ana']]
            createIndex 'ix_customers_name', 'customers', ['COLUMN']
            createTable('invoices') {
                column 'id', integer, primaryKey: true
                column 'customer_id', integer
            }
            addColumn 'customers', 'email', string(100)
        }
        '''
    static final String BROKEN = SCRIPT.replace('COLUMN', 'no_such_column')
    static final String FIXED = SCRIPT.replace('COLUMN', 'name')

    private TempProject project(String name, String script) {
        def p = new TempProject(tmp.resolve(name))
        p.revisionWithHeader('cccc00000001', null, '''\
            upgrade {
                createTable('base_table') {
                    column 'id', integer, primaryKey: true
                }
            }
            ''')
        p.revisionWithHeader('cccc00000002', 'cccc00000001', script)
        return p
    }

    /** {@code upgrade head} as the command runs it, through the dialect that says DDL commits by itself; the error, or null. */
    private static String upgrade(TempProject p, List<String> notices) {
        def config = ConfigLoader.load(p.ini, null, [:], [:], [:])
        Database db = Database.connect(config.url(), config.user(), config.password(), config.pool()).withDialect(NonTransactionalH2.dialect())
        try {
            Migrate.online(Project.open(config), db, Direction.UPGRADE, 'head', { String line -> notices << line })
            return null
        } catch (DatabaseException e) {
            return e.message
        } finally {
            db.close()
        }
    }

    private static List<List<String>> history(TempProject p) {
        p.rows('SELECT revision, success, statements_total, statements_applied FROM retort_history ORDER BY id')
    }

    def "the test dialect is H2's but for DDL that commits by itself"() {
        given:
        def h2 = Dialects.byName('h2')
        def dialect = NonTransactionalH2.dialect()
        def op = CreateIndex.of(null, 'ix_t_a', 't', ['a'])

        expect:
        h2.capabilities().transactionalDdl()
        !dialect.capabilities().transactionalDdl()
        dialect.name() == h2.name()
        dialect.render(op) == h2.render(op)
    }

    def "a failed statement is reported exactly, and a rerun after the fix resumes at it without repeating the ones before"() {
        given:
        def p = project('resume', BROKEN)
        int line = BROKEN.stripIndent().readLines().findIndexOf { it.contains('no_such_column') } + 1 + 4 // after the 4 header lines
        List<String> notices = []

        when:
        def error = upgrade(p, notices)

        then: 'the report names the revision, statement, file:line, SQL, database error and what was applied'
        error.startsWith("revision cccc00000002 failed at statement 3 of 5 (versions/cccc00000002.groovy:$line, "
                + 'createIndex ix_customers_name): CREATE INDEX ix_customers_name ON customers (no_such_column): ')
        error.contains('NO_SUCH_COLUMN')
        error.endsWith('; statements 1–2 were applied. Fix the script and run again: Retort resumes at statement 3 as long as statements 1–2 stay as they are.')

        and: 'statements 1 and 2 stay (no transaction took them back), the version row is the first revision, the history row the progress'
        p.rows('SELECT id, name FROM customers') == [['1', 'Ana']]
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'INVOICES'") == [['0']]
        SchemaSnapshot.versions(p) == [['cccc00000001']]
        history(p) == [['cccc00000001', 'TRUE', '1', '1'], ['cccc00000002', 'FALSE', '5', '2']]

        when: 'the script is fixed and the upgrade runs again'
        p.revisionWithHeader('cccc00000002', 'cccc00000001', FIXED)
        def rerun = upgrade(p, notices)

        then: 'it resumes at statement 3; the insert of statement 2 did not run again'
        rerun == null
        notices.any { it.startsWith('Resuming revision cccc00000002 at statement 3 of 5: statements 1–2 were applied by the run that failed at ') }
        p.rows('SELECT id, name, email FROM customers') == [['1', 'Ana', null]]
        SchemaSnapshot.versions(p) == [['cccc00000002']]

        and: 'the schema equals a clean run of the fixed script'
        def clean = project('clean', FIXED)
        upgrade(clean, []) == null
        SchemaSnapshot.read(p).without(['retort_history']) == SchemaSnapshot.read(clean).without(['retort_history'])

        and: 'the history keeps the failed attempt and the completing one'
        history(p) == [['cccc00000001', 'TRUE', '1', '1'], ['cccc00000002', 'FALSE', '5', '2'], ['cccc00000002', 'TRUE', '5', '5']]
    }

    def "a rerun refuses to guess when the statements a failed run applied have changed since, and touches nothing"() {
        given:
        def p = project('changed', BROKEN)
        assert upgrade(p, []) != null
        def partial = SchemaSnapshot.read(p)

        when: 'statement 2, already applied, is edited together with the fix'
        p.revisionWithHeader('cccc00000002', 'cccc00000001', FIXED.replace("name: 'Ana'", "name: 'Bea'"))
        def error = upgrade(p, [])

        then:
        error.startsWith('revision cccc00000002 failed in an earlier run (history row 2) after statements 1–2 were applied, and '
                + 'versions/cccc00000002.groovy no longer renders those 2 statements the same way')
        error.endsWith('UPDATE retort_history SET statements_applied = 0 WHERE id = 2')
        SchemaSnapshot.read(p) == partial
        p.rows('SELECT id, name FROM customers') == [['1', 'Ana']]
    }

    def "a step that fails at its first statement records that nothing was applied, and a rerun starts from statement 1"() {
        given:
        def p = project('first', BROKEN.replace("createTable('customers')", "createTable('base_table')"))
        List<String> notices = []

        when:
        def error = upgrade(p, notices)

        then:
        error.contains('failed at statement 1 of 5')
        error.endsWith('no statement of it was applied. Fix the script and run again.')
        history(p).last() == ['cccc00000002', 'FALSE', '5', '0']

        when:
        p.revisionWithHeader('cccc00000002', 'cccc00000001', FIXED)

        then:
        upgrade(p, notices) == null
        notices.every { !it.startsWith('Resuming') }
        history(p).last() == ['cccc00000002', 'TRUE', '5', '5']
    }
}
