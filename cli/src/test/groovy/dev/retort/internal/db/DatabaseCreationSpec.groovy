package dev.retort.internal.db

import dev.retort.testing.TestDatabases
import java.sql.DriverManager
import spock.lang.Requires
import spock.lang.Specification

class DatabaseCreationSpec extends Specification {
    private static boolean exists(String server, String sql, String name) {
        DriverManager.getConnection(server).withCloseable { c ->
            c.prepareStatement(sql).withCloseable { s -> s.setString(1, name); s.executeQuery().withCloseable { it.next() } }
        }
    }

    private static void execute(String server, String sql) {
        DriverManager.getConnection(server).withCloseable { c -> c.createStatement().withCloseable { it.execute(sql) } }
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "a missing PostgreSQL database is created through the postgres database, once"() {
        given:
        String server = TestDatabases.postgresServer()
        execute(server, 'DROP DATABASE IF EXISTS retort_i6_made_pg WITH (FORCE)')
        String url = TestDatabases.replaceDatabase(server, 'retort_i6_made_pg')

        expect:
        DatabaseCreation.ensureExists(url, null, null) == 'retort_i6_made_pg'
        exists(server, 'SELECT 1 FROM pg_database WHERE datname = ?', 'retort_i6_made_pg')
        DatabaseCreation.ensureExists(url, null, null) == null

        cleanup:
        execute(server, 'DROP DATABASE IF EXISTS retort_i6_made_pg WITH (FORCE)')
    }

    @Requires({ TestDatabases.hasMariadb() })
    def "a missing MariaDB database is created through a connection to no database, once"() {
        given:
        String server = TestDatabases.mariadbServer()
        execute(server, 'DROP DATABASE IF EXISTS retort_i6_made_maria')
        String url = TestDatabases.replaceDatabase(server, 'retort_i6_made_maria')

        expect:
        DatabaseCreation.ensureExists(url, null, null) == 'retort_i6_made_maria'
        exists(server, 'SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', 'retort_i6_made_maria')
        DatabaseCreation.ensureExists(url, null, null) == null

        cleanup:
        execute(server, 'DROP DATABASE IF EXISTS retort_i6_made_maria')
    }

    def "embedded databases need no creating; a server URL without a database name is an error"() {
        expect:
        DatabaseCreation.ensureExists('jdbc:h2:mem:x', null, null) == null
        DatabaseCreation.ensureExists('jdbc:sqlite:/tmp/x.db', null, null) == null

        when:
        DatabaseCreation.ensureExists('jdbc:postgresql://127.0.0.1:5432/?user=postgres&password=hunter2', null, null)

        then:
        DatabaseException e = thrown()
        e.message.contains('create_database = true needs a URL of the form jdbc:postgresql://HOST[:PORT]/NAME')
        !e.message.contains('hunter2')
    }

    def "pool.* settings reach HikariCP; an unknown one is an error naming the pool keys"() {
        when:
        def db = Database.connect('jdbc:h2:mem:i6pool', 'sa', null, [maximumPoolSize: '3', connectionTimeout: '4000'])

        then:
        db.@dataSource.maximumPoolSize == 3
        db.@dataSource.connectionTimeout == 4000

        when:
        db.close()
        Database.connect('jdbc:h2:mem:i6pool', 'sa', null, [maximumPoolSise: '3'])

        then:
        DatabaseException e = thrown()
        e.message.contains('maximumPoolSise')
        e.message.contains('HikariConfig property names')
    }
}
