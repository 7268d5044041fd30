package dev.retort.env

import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code configureConnection} setting {@code search_path} on PostgreSQL, in both languages: revisions then create their
 * tables in that schema, the version table lives there too, and later commands find it.
 */
@IgnoreIf({ !TestDatabases.hasPostgres() })
class SearchPathOnPostgresSpec extends Specification {
    @TempDir Path tmp

    static final Map<String, String> ENV = [
            groovy: """
                configureConnection { c ->
                    c.createStatement().withCloseable { s ->
                        s.execute('CREATE SCHEMA IF NOT EXISTS tenant_a')
                        s.execute('SET search_path TO tenant_a')
                    }
                }
                """,
            kotlin: """
                configureConnection { c ->
                    c.createStatement().use { s ->
                        s.execute("CREATE SCHEMA IF NOT EXISTS tenant_a")
                        s.execute("SET search_path TO tenant_a")
                    }
                }
                """]

    List<String> rows(String url, String sql) {
        def c = DriverManager.getConnection(url)
        try {
            def rs = c.createStatement().executeQuery(sql)
            def out = []
            while (rs.next()) out << rs.getString(1)
            out
        } finally { c.close() }
    }

    def "#language: revisions create their tables in the schema configureConnection puts on the search_path"() {
        given:
        String url = TestDatabases.freshPostgres("retort_env_search_path_$language")
        def project = new TempProject(tmp, url)
        Files.writeString(tmp.resolve(language == 'groovy' ? 'env.groovy' : 'env.kts'), ENV[language].stripIndent())
        project.revision('5000eeee0001', """
            revision '5000eeee0001'
            message 'create accounts'
            upgrade { createTable('accounts') { column 'id', integer, primaryKey: true } }
            """)
        project.revision('5000eeee0002', """
            revision '5000eeee0002'
            revises '5000eeee0001'
            message 'add owner'
            upgrade { addColumn 'accounts', 'owner', string(40) }
            """)

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 0
        rows(url, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1") ==
                ['tenant_a.accounts', 'tenant_a.retort_history', 'tenant_a.retort_version']
        rows(url, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'tenant_a' AND table_name = 'accounts' ORDER BY 1") == ['id', 'owner']

        when: 'later commands connect through the hook too'
        def current = project.run('current')
        def down = project.run('downgrade', 'base')

        then:
        current.out.trim() == '5000eeee0002 (head)'
        down.exitCode == 0
        rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tenant_a' ORDER BY 1") == ['retort_history', 'retort_version']

        cleanup:
        drop("retort_env_search_path_$language")

        where:
        language << ['groovy', 'kotlin']
    }

    static void drop(String database) {
        def c = DriverManager.getConnection(TestDatabases.postgresServer())
        try {
            c.createStatement().withCloseable { it.execute("DROP DATABASE IF EXISTS $database WITH (FORCE)") }
        } finally { c.close() }
    }
}
