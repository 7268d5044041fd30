package dev.retort.fleet

import dev.retort.testing.CliRun
import dev.retort.testing.TestDatabases
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/** One database per tenant: SQLite files, and MariaDB databases that the fleet creates (create_database). */
class FleetDatabasePerTenantSpec extends Specification {
    static final String HEAD = FleetProject.rev(FleetProject.REVISIONS)
    static final List<String> TENANTS = ['acme', 'globex', 'initech']

    @TempDir Path tmp

    private Path project(String fleetUrl, Map<String, String> settings = [:]) {
        Files.createDirectories(tmp.resolve('versions'))
        (1..FleetProject.REVISIONS).each { FleetProject.revision(tmp, it) }
        tmp.resolve('retort.ini').text = "[retort]\nversion_locations = versions\nfleet_url = $fleetUrl\n" +
                settings.collect { k, v -> "$k = $v\n" }.join('')
        tmp.resolve('targets.txt').text = TENANTS.join('\n') + '\n'
        return tmp.resolve('retort.ini')
    }

    private static List<String> column(String url, String sql) {
        def c = DriverManager.getConnection(url)
        try {
            def rs = c.createStatement().executeQuery(sql)
            List<String> out = []
            while (rs.next()) out << rs.getString(1)
            return out
        } finally { c.close() }
    }

    def "SQLite: each tenant's file gets the revisions, its own version table and its own lock file"() {
        given:
        Path ini = project('jdbc:sqlite:${here}/tenants/{name}.db')
        Files.createDirectories(tmp.resolve('tenants'))

        when:
        def run = CliRun.of(['-c', ini.toString(), 'fleet', 'upgrade', 'head', '--targets', tmp.resolve('targets.txt').toString(), '--parallel', '3'])
        def status = CliRun.of(['-c', ini.toString(), 'fleet', 'status', '--targets', tmp.resolve('targets.txt').toString(), '--json'])

        then:
        run.exitCode == 0
        run.out.readLines().toSet() == (TENANTS.collect { "$it: applied 10" as String } + run.out.readLines().last()) as Set
        run.out.readLines().last().startsWith('3 targets: 3 upgraded, 0 already at head, 0 failed, 0 locked, 0 skipped; 30 revisions applied')
        TENANTS.every { t -> column("jdbc:sqlite:${tmp.resolve("tenants/${t}.db")}", 'SELECT version_num FROM retort_version') == [HEAD] }
        TENANTS.every { t -> Files.exists(tmp.resolve("tenants/${t}.db.retort-lock")) }
        status.exitCode == 0
        new JsonSlurper().parseText(status.out).targets.collect { [it.name, it.state] } == TENANTS.collect { [it, 'at head'] }
    }

    @Requires({ TestDatabases.hasMariadb() })
    def "MariaDB: the fleet creates each tenant's database; a tenant that fails keeps the revisions before the failure and says so"() {
        given: 'globex already exists and has a table that revision 3 creates'
        String server = TestDatabases.mariadbServer()
        TENANTS.each { mariadb(server, "DROP DATABASE IF EXISTS fleet_db_$it") }
        mariadb(server, 'CREATE DATABASE fleet_db_globex', 'CREATE TABLE fleet_db_globex.t_3 (x integer)')
        Path ini = project(TestDatabases.replaceDatabase(server, 'fleet_db_{name}'), [create_database: 'true'])

        when:
        def run = CliRun.of(['-c', ini.toString(), '--json', 'fleet', 'upgrade', 'head', '--targets', tmp.resolve('targets.txt').toString(), '--parallel', '2'])
        def json = new JsonSlurper().parseText(run.out)

        then:
        run.exitCode == 1
        json.ok == false
        json.summary == [targets: 3, applied: 2, already_at_target: 0, failed: 1, locked: 0, skipped: 0, revisions_applied: 22]
        json.targets.collect { [it.name, it.outcome, it.applied] } == [['acme', 'applied', 10], ['globex', 'failed', 2], ['initech', 'applied', 10]]
        json.targets[1].revision == FleetProject.rev(3)
        json.targets[1].current == [FleetProject.rev(2)]
        json.targets[1].error.contains("Table 't_3' already exists")
        ['acme', 'initech'].every { column(TestDatabases.replaceDatabase(server, "fleet_db_$it"), 'SELECT version_num FROM retort_version') == [HEAD] }

        cleanup:
        TENANTS.each { mariadb(server, "DROP DATABASE IF EXISTS fleet_db_$it") }
    }

    private static void mariadb(String url, String... statements) {
        def c = DriverManager.getConnection(url)
        try { statements.each { s -> c.createStatement().withCloseable { it.execute(s) } } } finally { c.close() }
    }
}
