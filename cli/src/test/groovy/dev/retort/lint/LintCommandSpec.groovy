package dev.retort.lint

import dev.retort.api.Retort
import dev.retort.api.RetortException
import dev.retort.testing.TempProject
import groovy.json.JsonSlurper
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** retort lint end to end on H2 projects: output, --json, exit codes, suppression, severities, ranges, and lint = error. */
class LintCommandSpec extends Specification {
    @TempDir Path tmp

    static final String TABLES = '''\
        upgrade {
            createTable('orders') {
                column 'id', integer, primaryKey: true
                column 'customer_id', integer
                column 'legacy', string(20)
            }
        }
        '''

    private TempProject project(Map settings = [:]) {
        def p = new TempProject(tmp, null, settings)
        p.revisionWithHeader('r1', null, TABLES)
        p
    }

    def "a finding names file:line, code, severity, what, why and the fix in the script's language; an error exits 1"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', '''\
            upgrade {
                createIndex 'ix_orders_customer', 'orders', ['customer_id']
            }
            ''')

        when:
        def run = p.run('lint', '--all', '--dialect', 'postgresql')

        then:
        run.exitCode == 1
        run.out.readLines() == ["versions/r2.groovy:6 RT204 error: createIndex ix_orders_customer on existing table orders without "
                + "concurrently: true; CREATE INDEX blocks writes to the table until the whole index is built; "
                + "fix: createIndex 'ix_orders_customer', 'orders', ['customer_id'], concurrently: true"]
    }

    def "Kotlin revisions get their fixes in Kotlin"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', '''\
            upgrade {
                createForeignKey("fk_orders_r1", "orders", "orders", listOf("customer_id"), listOf("id"))
            }
            ''', 'r2.kts')

        when:
        def run = p.run('lint', '--all', '--dialect', 'postgresql')

        then:
        run.exitCode == 0
        run.out.contains('versions/r2.kts:6 RT205 warning: createForeignKey fk_orders_r1 on existing table orders without notValid = true')
        run.out.contains('fix: createForeignKey("fk_orders_r1", "orders", "orders", listOf("customer_id"), listOf("id"), notValid = true), '
                + 'then, in a later revision, validateConstraint("fk_orders_r1", "orders")')
    }

    def "--json lists code, severity, revision, file, line and message; no findings exit 0"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', "upgrade {\n    dropColumn 'orders', 'legacy'\n}\n")

        when:
        def run = p.run('lint', '--json', '--all', '--dialect', 'h2')
        def clean = p.run('lint', '--json', 'r1', '--dialect', 'h2')
        def cleanText = p.run('lint', 'r1', '--dialect', 'h2')

        then:
        run.exitCode == 1
        def found = new JsonSlurper().parseText(run.out)
        found.size() == 1
        found[0].keySet().toList() == ['code', 'severity', 'revision', 'file', 'line', 'message']
        found[0].code == 'RT102' && found[0].severity == 'error' && found[0].revision == 'r2'
        found[0].file == 'versions/r2.groovy' && found[0].line == 6
        found[0].message.startsWith('dropColumn orders.legacy; ')
        clean.exitCode == 0
        clean.out.trim() == '[]'
        cleanText.out.trim() == 'No findings in 1 revision.'
    }

    def "bad usage exits 2: --all with a range, an unknown dialect"() {
        given:
        def p = project()

        expect:
        p.run('lint', '--all', 'base:r1', '--dialect', 'h2').exitCode == 2
        p.run('lint', '--all', '--dialect', 'nosuchdb').exitCode == 2
    }

    def "safetyAssured blocks and retort:nolint comments silence findings, in Groovy and in Kotlin"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', '''\
            upgrade {
                safetyAssured {
                    dropColumn 'orders', 'legacy'
                }
                dropColumn 'orders', 'customer_id' // retort:nolint RT102 nothing reads it since 2.3
                // retort:nolint RT301, RT101
                dropTable 'orders'
                execute 'DELETE FROM nowhere' // retort:nolint
                renameTable 'orders', 'o2' // retort:nolint RT102
            }
            ''')
        p.revisionWithHeader('r3', 'r2', '''\
            upgrade {
                safetyAssured {
                    onDialect("h2") { dropColumn("o2", "legacy") }
                }
                // retort:nolint RT102
                dropColumn("o2", "id")
                dropColumn("o2", "other")
            }
            ''', 'r3.kts')

        when:
        def found = new JsonSlurper().parseText(p.run('lint', '--json', '--all', '--dialect', 'h2').out)

        then: 'only what no suppression names is left: the rename (RT103, its comment names RT102) and the last Kotlin drop'
        found.collect { "${it.revision}:${it.line} ${it.code}" } == ['r2:13 RT103', 'r3:11 RT102']
    }

    def "lint.RTnnn sets a rule's severity or turns it off; a bad value or an unknown code is an error naming the key"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', "upgrade {\n    dropColumn 'orders', 'legacy'\n    renameColumn 'orders', 'customer_id', 'client_id'\n}\n")

        when:
        p.configure('lint.RT102': 'warning')
        def lowered = p.run('lint', '--json', '--all', '--dialect', 'h2')
        p.configure('lint.RT102': 'off', 'lint.RT104': 'error')
        def swapped = p.run('lint', '--json', '--all', '--dialect', 'h2')
        p.configure('lint.RT102': 'loud', 'lint.RT104': 'error')
        def bad = p.run('lint', '--all', '--dialect', 'h2')
        p.configure('lint.RT102': 'off', 'lint.RT999': 'error')
        def unknown = p.run('lint', '--all', '--dialect', 'h2')

        then:
        lowered.exitCode == 0
        new JsonSlurper().parseText(lowered.out).collect { "$it.code $it.severity" } == ['RT102 warning', 'RT104 warning']
        swapped.exitCode == 1
        new JsonSlurper().parseText(swapped.out).collect { "$it.code $it.severity" } == ['RT104 error']
        bad.exitCode == 1
        bad.err.contains("${p.ini}:") && bad.err.contains('lint.RT102 = loud is not one of the allowed values; write error, warning, info or off')
        unknown.exitCode == 1
        unknown.err.contains('lint.RT999 names no lint rule; the rules are RT101, RT102')
    }

    def "lint without options checks the pending revisions only, against the database"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', "upgrade {\n    dropColumn 'orders', 'legacy'\n}\n")
        p.revisionWithHeader('r3', 'r2', "upgrade {\n    renameColumn 'orders', 'id', 'order_id'\n}\n")

        when:
        assert p.run('upgrade', 'r2').exitCode == 0
        def run = p.run('lint', '--json')

        then:
        run.exitCode == 0
        new JsonSlurper().parseText(run.out).collect { "$it.revision $it.code" } == ['r3 RT104']
    }

    def "a revision range lints the revisions an upgrade between its ends runs"() {
        given:
        def p = project()
        p.revisionWithHeader('r2', 'r1', "upgrade {\n    dropColumn 'orders', 'legacy'\n}\n")
        p.revisionWithHeader('r3', 'r2', "upgrade {\n    renameColumn 'orders', 'id', 'order_id'\n}\n")

        expect:
        new JsonSlurper().parseText(p.run('lint', '--json', '--dialect', 'h2', 'r2:r3').out).collect { it.revision } == ['r3']
        new JsonSlurper().parseText(p.run('lint', '--json', '--dialect', 'h2', 'base:r2').out).collect { it.revision } == ['r2']
        new JsonSlurper().parseText(p.run('lint', '--json', '--dialect', 'h2', 'r2').out).collect { it.revision } == ['r2']
    }

    def "RT402: more than one head is an error at each head's revision line"() {
        given:
        def p = project()
        p.revisionWithHeader('a1', 'r1', "upgrade {\n    createTable('a') { column 'id', integer }\n}\n")
        p.revisionWithHeader('b1', 'r1', "upgrade {\n    createTable('b') { column 'id', integer }\n}\n")

        when:
        def run = p.run('lint', '--json', '--all', '--dialect', 'h2')
        def found = new JsonSlurper().parseText(run.out)

        then:
        run.exitCode == 1
        found.collect { "$it.revision $it.code $it.line" }.sort() == ['a1 RT402 1', 'b1 RT402 1']
        found[0].message.contains('fix: retort merge heads')
    }

    def "lint = error makes upgrade lint the pending revisions first and refuse on an error, CLI and API; warning prints and runs"() {
        given:
        def p = project(lint: 'error')
        p.revisionWithHeader('r2', 'r1', "upgrade {\n    dropColumn 'orders', 'legacy'\n}\n")

        when:
        def refused = p.run('upgrade', 'head')

        then:
        refused.exitCode == 1
        refused.err.contains('lint = error')
        refused.err.contains('versions/r2.groovy:6 RT102 error: dropColumn orders.legacy')
        p.rows("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ORDERS'") == [['0']]

        when:
        Retort.configure().configFile(p.ini).load().withCloseable { it.upgrade('head') }

        then:
        def e = thrown(RetortException.LintError)
        e.report().errors()*.code == ['RT102']

        when:
        p.configure(lint: 'warning')
        def warned = p.run('upgrade', 'head')

        then:
        warned.exitCode == 0
        warned.out.contains('lint versions/r2.groovy:6 RT102 error: dropColumn orders.legacy')
        p.rows("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ORDERS' AND COLUMN_NAME = 'LEGACY'") == [['0']]
    }
}
