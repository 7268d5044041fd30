package dev.retort.cli

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import java.sql.DriverManager
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

class CreateDatabaseSpec extends Specification {
    @TempDir Path p

    private static boolean exists(String server, String sql, String name) {
        DriverManager.getConnection(server).withCloseable { c ->
            c.prepareStatement(sql).withCloseable { s -> s.setString(1, name); s.executeQuery().withCloseable { it.next() } }
        }
    }

    private static void drop(String server, String sql) {
        DriverManager.getConnection(server).withCloseable { c -> c.createStatement().withCloseable { it.execute(sql) } }
    }

    private CliRun upgrade(String url, boolean create) {
        def project = new TempProject(p, url, [create_database: create])
        project.write('2024_01_01_0000-ffff00000001_t.groovy',
                "revision 'ffff00000001'\nmessage 'first table'\nupgrade {\n    createTable('i6_created_t') {\n        column 'id', integer, primaryKey: true\n    }\n}\n")
        project.run('upgrade', 'head')
    }

    /** Runs once the PostgreSQL dialect (issue 3) is in the build; DatabaseCreationSpec covers the creation alone. */
    @Requires({ TestDatabases.hasPostgres() && TestDatabases.hasDialectFor('jdbc:postgresql://h/d') })
    def "create_database creates a missing PostgreSQL database through the postgres maintenance database"() {
        given:
        String server = TestDatabases.postgresServer()
        String name = 'retort_i6_created'
        drop(server, "DROP DATABASE IF EXISTS $name WITH (FORCE)")
        String url = TestDatabases.replaceDatabase(server, name)
        String inPg = 'SELECT 1 FROM pg_database WHERE datname = ?'

        when: 'without create_database the run fails and creates nothing'
        def refused = upgrade(url, false)

        then:
        refused.exitCode == 1
        refused.err.contains(name)
        !exists(server, inPg, name)

        when:
        def first = upgrade(url, true)
        def again = upgrade(url, true)

        then:
        first.exitCode == 0
        first.out.contains('Running upgrade  -> ffff00000001, first table')
        exists(server, inPg, name)
        again.exitCode == 0
        again.out.isEmpty()
        DriverManager.getConnection(url).withCloseable { c ->
            c.createStatement().executeQuery('SELECT version_num FROM retort_version').withCloseable { rs -> rs.next() && rs.getString(1) == 'ffff00000001' }
        }

        cleanup:
        drop(server, "DROP DATABASE IF EXISTS $name WITH (FORCE)")
    }

    @Requires({ TestDatabases.hasMariadb() && TestDatabases.hasDialectFor('jdbc:mariadb://h/d') })
    def "create_database creates a missing MariaDB database through a connection to no database"() {
        given:
        String server = TestDatabases.mariadbServer()
        String name = 'retort_i6_created'
        drop(server, "DROP DATABASE IF EXISTS $name")
        String url = TestDatabases.replaceDatabase(server, name)
        String inMaria = 'SELECT 1 FROM information_schema.schemata WHERE schema_name = ?'

        when:
        def refused = upgrade(url, false)

        then:
        refused.exitCode == 1
        !exists(server, inMaria, name)

        when:
        def first = upgrade(url, true)
        def again = upgrade(url, true)

        then:
        first.exitCode == 0
        first.out.contains('Running upgrade  -> ffff00000001, first table')
        exists(server, inMaria, name)
        again.exitCode == 0
        again.out.isEmpty()

        cleanup:
        drop(server, "DROP DATABASE IF EXISTS $name")
    }
}
