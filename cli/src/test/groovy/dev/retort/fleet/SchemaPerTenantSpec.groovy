package dev.retort.fleet

import dev.retort.internal.db.Database
import dev.retort.internal.db.LockTimeoutException
import dev.retort.internal.db.MigrationLock
import dev.retort.testing.CliRun
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import java.sql.DriverManager
import java.time.Duration
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * One schema per tenant in one PostgreSQL database (currentSchema in the URL): each schema has its own version table
 * and its own migration lock.
 */
@Requires({ TestDatabases.hasPostgres() })
class SchemaPerTenantSpec extends Specification {
    static final String DB = 'fleet_schemas'
    @Shared String dbUrl
    @TempDir Path tmp

    def setupSpec() {
        dbUrl = TestDatabases.freshPostgres(DB)
        sql(dbUrl, 'CREATE SCHEMA fleet_a', 'CREATE SCHEMA fleet_b')
    }

    def cleanupSpec() {
        if (dbUrl) sql(TestDatabases.postgresServer(), "DROP DATABASE IF EXISTS $DB WITH (FORCE)")
    }

    static String inSchema(String url, String schema) { url + (url.contains('?') ? '&' : '?') + "currentSchema=$schema" }

    static void sql(String url, String... statements) {
        def c = DriverManager.getConnection(url)
        try { statements.each { s -> c.createStatement().withCloseable { it.execute(s) } } } finally { c.close() }
    }

    static List<String> column(String url, String query) {
        def c = DriverManager.getConnection(url)
        try {
            def rs = c.createStatement().executeQuery(query)
            List<String> out = []
            while (rs.next()) out << rs.getString(1)
            return out
        } finally { c.close() }
    }

    private Path project(String url) {
        Path dir = tmp.resolve('p')
        dir.resolve('versions').toFile().mkdirs()
        dir.resolve('retort.ini').text = "[retort]\nversion_locations = versions\nurl = $url\n"
        dir.resolve('versions/a1.groovy').text = """\
            revision 'a1a1a1a1a1a1'
            message 'accounts'
            upgrade { createTable('accounts') { column 'id', integer, primaryKey: true } }
            """.stripIndent()
        return dir.resolve('retort.ini')
    }

    def "a tenant schema gets its own version table even when another schema already has one"() {
        given: 'the public schema is already migrated'
        Path ini = project(dbUrl)
        assert CliRun.of(['-c', ini.toString(), 'upgrade', 'head']).exitCode == 0

        when: 'the same project runs with currentSchema naming a tenant schema'
        def run = CliRun.of(['-c', ini.toString(), '--url', inSchema(dbUrl, 'fleet_a'), 'upgrade', 'head'])

        then: 'it finds no version table in that schema, creates one and applies the revision there'
        run.exitCode == 0
        run.out.contains('Running upgrade  -> a1a1a1a1a1a1')
        column(dbUrl, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'retort_version' ORDER BY 1") == ['fleet_a', 'public']
        column(inSchema(dbUrl, 'fleet_a'), 'SELECT version_num FROM retort_version') == ['a1a1a1a1a1a1']
        column(dbUrl, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'fleet_a' AND table_name = 'accounts'") == ['1']
    }

    def "the migration lock is per schema: a tenant's lock does not hold up another tenant of the same database"() {
        given:
        def a = Database.connect(inSchema(dbUrl, 'fleet_a'), null, null, [maximumPoolSize: '4'])
        def b = Database.connect(inSchema(dbUrl, 'fleet_b'), null, null, [maximumPoolSize: '4'])
        def lockA = MigrationLock.forDatabase(a, 'retort_version')
        def lockB = MigrationLock.forDatabase(b, 'retort_version')
        def secondA = MigrationLock.forDatabase(a, 'retort_version')

        when: 'tenant a holds its lock'
        lockA.acquire(Duration.ofSeconds(5), {})

        then: 'tenant b takes its own at once'
        lockB.acquire(Duration.ofMillis(500), {})

        when: 'a second launcher asks for tenant a'
        secondA.acquire(Duration.ofMillis(1500), {})

        then: 'it is refused, naming the schema in the lock and the holder'
        def e = thrown(LockTimeoutException)
        e.message.contains("advisory lock 'retort:retort_version@$DB/fleet_a'")
        e.holder().startsWith('PostgreSQL backend pid')

        cleanup:
        secondA?.close(); lockB?.close(); lockA?.close()
        a?.close(); b?.close()
    }

    def "a URL naming a schema that does not exist fails with a message that says so"() {
        given:
        Path ini = project(dbUrl)

        when:
        def run = CliRun.of(['-c', ini.toString(), '--url', inSchema(dbUrl, 'fleet_missing'), 'upgrade', 'head'])

        then:
        run.exitCode == 1
        run.err.contains('the session has no current schema')
        !run.err.contains('Exception')
    }
}
