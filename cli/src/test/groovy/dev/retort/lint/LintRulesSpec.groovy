package dev.retort.lint

import dev.retort.testing.TempProject
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification

/**
 * The rule matrix of DESIGN §15: every rule with a case that fires and one that does not, written in Groovy and in
 * Kotlin, linted offline (--dialect) on every dialect. Each case is a revision of its own on top of one that creates the
 * tables, so "existing table" means those; a case's `firesOn` lists the dialects where its rule must report it, and on
 * every other dialect the rule must stay silent (concurrently and notValid exist only on PostgreSQL, ENUM copies only on
 * MySQL/MariaDB, each database has its own identifier limit).
 */
class LintRulesSpec extends Specification {
    static final List<String> ALL = ['h2', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql']
    static final List<String> PG = ['postgresql']
    static final List<String> NONE = []

    static final String SETUP_GROOVY = '''\
        createTable('customers') { column 'id', integer, primaryKey: true }
        createTable('orders') {
            column 'id', integer, primaryKey: true
            column 'customer_id', integer
            column 'status', string(20)
            column 'kind', enumOf('a', 'b')
            column 'legacy', string(20)
        }
        createTable('legacy_log') { column 'id', integer }
        createIndex 'ix_orders_status', 'orders', ['status']'''
    static final String SETUP_KOTLIN = '''\
        createTable("customers") { column("id", integer, primaryKey = true) }
        createTable("orders") {
            column("id", integer, primaryKey = true)
            column("customer_id", integer)
            column("status", string(20))
            column("kind", enumOf("a", "b"))
            column("legacy", string(20))
        }
        createTable("legacy_log") { column("id", integer) }
        createIndex("ix_orders_status", "orders", listOf("status"))'''

    /** code, the dialects it fires on, the Groovy upgrade body, the Kotlin one; the first line is the operation linted. */
    static final List<List> CASES = [
        ['RT101', ALL, "dropTable 'legacy_log'", 'dropTable("legacy_log")'],
        ['RT101', NONE, "createTable('tmp') { column 'id', integer }\ndropTable 'tmp'", 'createTable("tmp") { column("id", integer) }\ndropTable("tmp")'],
        ['RT102', ALL, "dropColumn 'orders', 'legacy'", 'dropColumn("orders", "legacy")'],
        ['RT102', NONE, "createTable('tmp') { column 'id', integer; column 'x', integer }\ndropColumn 'tmp', 'x'",
                'createTable("tmp") { column("id", integer); column("x", integer) }\ndropColumn("tmp", "x")'],
        ['RT103', ALL, "renameTable 'legacy_log', 'old_log'", 'renameTable("legacy_log", "old_log")'],
        ['RT103', NONE, "createTable('tmp') { column 'id', integer }\nrenameTable 'tmp', 'tmp2'", 'createTable("tmp") { column("id", integer) }\nrenameTable("tmp", "tmp2")'],
        ['RT104', ALL, "renameColumn 'orders', 'status', 'state'", 'renameColumn("orders", "status", "state")'],
        ['RT104', NONE, "createTable('tmp') { column 'a', integer }\nrenameColumn 'tmp', 'a', 'b'", 'createTable("tmp") { column("a", integer) }\nrenameColumn("tmp", "a", "b")'],
        ['RT201', ALL, "addColumn 'orders', 'code', string(10), nullable: false", 'addColumn("orders", "code", string(10), nullable = false)'],
        ['RT201', NONE, "addColumn 'orders', 'code', string(10), nullable: false, default: 'x'", 'addColumn("orders", "code", string(10), nullable = false, default = "x")'],
        ['RT202', ALL, "alterColumn 'orders', 'status', nullable: false", 'alterColumn("orders", "status", nullable = false)'],
        ['RT202', NONE, "alterColumn 'orders', 'status', nullable: true", 'alterColumn("orders", "status", nullable = true)'],
        ['RT203', ALL, "alterColumn 'orders', 'status', type: text", 'alterColumn("orders", "status", type = text)'],
        ['RT203', NONE, "createTable('tmp') { column 'c', string(10) }\nalterColumn 'tmp', 'c', type: text", 'createTable("tmp") { column("c", string(10)) }\nalterColumn("tmp", "c", type = text)'],
        ['RT204', PG, "createIndex 'ix_orders_customer', 'orders', ['customer_id']", 'createIndex("ix_orders_customer", "orders", listOf("customer_id"))'],
        ['RT204', NONE, "createIndex 'ix_orders_customer', 'orders', ['customer_id'], concurrently: true",
                'createIndex("ix_orders_customer", "orders", listOf("customer_id"), concurrently = true)'],
        ['RT205', PG, "createForeignKey 'fk_orders_customer', 'orders', 'customers', ['customer_id'], ['id']",
                'createForeignKey("fk_orders_customer", "orders", "customers", listOf("customer_id"), listOf("id"))'],
        ['RT205', NONE, "createForeignKey 'fk_orders_customer', 'orders', 'customers', ['customer_id'], ['id'], notValid: true",
                'createForeignKey("fk_orders_customer", "orders", "customers", listOf("customer_id"), listOf("id"), notValid = true)'],
        ['RT206', PG, "createCheckConstraint 'ck_orders_status', 'orders', \"status <> ''\"", 'createCheckConstraint("ck_orders_status", "orders", "status <> \'\'")'],
        ['RT206', NONE, "createCheckConstraint 'ck_orders_status', 'orders', \"status <> ''\", notValid: true",
                'createCheckConstraint("ck_orders_status", "orders", "status <> \'\'", notValid = true)'],
        ['RT207', ALL, "createUniqueConstraint 'uq_orders_legacy', 'orders', ['legacy']", 'createUniqueConstraint("uq_orders_legacy", "orders", listOf("legacy"))'],
        ['RT207', NONE, "createTable('tmp') { column 'a', integer }\ncreateUniqueConstraint 'uq_tmp_a', 'tmp', ['a']",
                'createTable("tmp") { column("a", integer) }\ncreateUniqueConstraint("uq_tmp_a", "tmp", listOf("a"))'],
        ['RT208', PG, "addColumn 'orders', 'token', uuid, default: sqlExpr('gen_random_uuid()')", 'addColumn("orders", "token", uuid, default = sqlExpr("gen_random_uuid()"))'],
        ['RT208', NONE, "addColumn 'orders', 'seen', timestamp, default: now()", 'addColumn("orders", "seen", timestamp, default = now())'],
        ['RT209', PG, "dropIndex 'ix_orders_status', table: 'orders'", 'dropIndex("ix_orders_status", table = "orders")'],
        ['RT209', NONE, "dropIndex 'ix_orders_status', table: 'orders', concurrently: true", 'dropIndex("ix_orders_status", table = "orders", concurrently = true)'],
        ['RT301', ALL, "execute \"UPDATE orders SET status = 'x'\"", 'execute("UPDATE orders SET status = \'x\'")'],
        ['RT301', ['sqlite'], "execute 'VACUUM', dialect: 'sqlite'", 'execute("VACUUM", dialect = "sqlite")'],
        ['RT302', ['mysql', 'mariadb'], "alterColumn 'orders', 'kind', type: enumOf('a', 'b', 'c')", 'alterColumn("orders", "kind", type = enumOf("a", "b", "c"))'],
        ['RT302', NONE, "alterColumn 'orders', 'status', type: string(40)", 'alterColumn("orders", "status", type = string(40))'],
        ['RT401', PG, "createTable('${'t' * 64}') { column 'id', integer }", "createTable(\"${'t' * 64}\") { column(\"id\", integer) }"],
        ['RT401', ['postgresql', 'mysql', 'mariadb'], "createTable('${'t' * 65}') { column 'id', integer }", "createTable(\"${'t' * 65}\") { column(\"id\", integer) }"],
        ['RT401', ['postgresql', 'mysql', 'mariadb', 'oracle', 'mssql'], "createIndex '${'i' * 129}', 'orders', ['legacy'], concurrently: true",
                "createIndex(\"${'i' * 129}\", \"orders\", listOf(\"legacy\"), concurrently = true)"],
        ['RT401', NONE, "createTable('${'t' * 63}') { column 'id', integer }", "createTable(\"${'t' * 63}\") { column(\"id\", integer) }"],
    ]*.collect { it instanceof GString ? it.toString() : it }

    @Shared Path root
    /** language -> dialect -> findings (as JSON maps), linted once per pair. */
    @Shared Map<String, Map<String, List<Map>>> findings = [:]

    def setupSpec() {
        root = Files.createTempDirectory('retort_lint_rules')
    }

    def cleanupSpec() {
        root.toFile().deleteDir()
    }

    def "#code #verb on #dialect in #language (case #index)"() {
        given:
        List<Map> found = lint(language, dialect).findAll { it.revision == "c$index" && it.code == code }

        expect:
        fires ? found.size() == 1 : found.isEmpty()
        !fires || found[0].line == 6 && found[0].file.endsWith("c$index.${language == 'kotlin' ? 'kts' : 'groovy'}")

        where:
        [index, dialect, language] << [(0..<CASES.size()).toList(), ALL, ['groovy', 'kotlin']].combinations()
        code = CASES[index][0]
        fires = (CASES[index][1] as List).contains(dialect)
        verb = fires ? 'fires' : 'is silent'
    }

    private List<Map> lint(String language, String dialect) {
        Map<String, List<Map>> byDialect = findings.computeIfAbsent(language) { [:] }
        if (!byDialect.containsKey(dialect)) {
            def run = project(language).run('lint', '--all', '--dialect', dialect, '--json')
            assert run.exitCode in [0, 1]: run.toString()
            byDialect[dialect] = new JsonSlurper().parseText(run.out) as List<Map>
        }
        byDialect[dialect]
    }

    private TempProject project(String language) {
        Path dir = root.resolve(language)
        boolean kotlin = language == 'kotlin'
        if (Files.exists(dir.resolve('retort.ini'))) return new TempProject(dir, null, kotlin ? [language: 'kotlin'] : [:])
        def p = new TempProject(dir, null, kotlin ? [language: 'kotlin'] : [:])
        String ext = kotlin ? 'kts' : 'groovy'
        p.revisionWithHeader('setup', null, block(kotlin ? SETUP_KOTLIN : SETUP_GROOVY), "setup.$ext")
        String parent = 'setup'
        CASES.eachWithIndex { c, i ->
            p.revisionWithHeader("c$i", parent, block(kotlin ? c[3] as String : c[2] as String), "c$i.$ext")
            parent = "c$i"
        }
        p
    }

    private static String block(String body) {
        'upgrade {\n' + body.stripIndent().readLines().collect { '    ' + it }.join('\n') + '\n}\n'
    }
}
