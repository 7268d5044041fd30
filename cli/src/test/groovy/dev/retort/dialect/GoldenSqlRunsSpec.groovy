package dev.retort.dialect

import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import spock.lang.Requires
import spock.lang.Specification

/**
 * Runs the dialect golden files (dsl/src/test/resources/golden) on real databases: for each case, a fresh database
 * gets the setup section's tables and then the case's statements, which must all succeed. So the expected SQL of
 * the golden matrix is SQL the database accepts, not only SQL that looks right.
 */
class GoldenSqlRunsSpec extends Specification {
    static final Path GOLDEN = Path.of('../dsl/src/test/resources/golden')
    static final String SETUP = '(setup)'

    def "the golden SQLite statements of #caseName run on SQLite"() {
        expect:
        runs('sqlite', caseName) { DriverManager.getConnection('jdbc:sqlite::memory:') }

        where:
        caseName << runnable('sqlite')
    }

    def "the golden H2 statements of #caseName run on H2"() {
        expect:
        runs('h2', caseName) { DriverManager.getConnection("jdbc:h2:mem:golden_${caseName.hashCode() & 0xffff}", 'sa', '') }

        where:
        caseName << runnable('h2')
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "the golden PostgreSQL statements of #caseName run on PostgreSQL"() {
        given:
        String url = postgres()
        String schemaName = 'g_' + (caseName.hashCode() & 0xffffff)

        expect:
        runs('postgresql', caseName) {
            Connection c = DriverManager.getConnection(url)
            c.createStatement().withCloseable {
                it.execute("DROP SCHEMA IF EXISTS $schemaName CASCADE")
                it.execute("CREATE SCHEMA $schemaName")
                it.execute("SET search_path TO $schemaName")
            }
            c
        }

        where:
        caseName << runnable('postgresql')
    }

    @Requires({ TestDatabases.hasMariadb() })
    def "the golden MariaDB statements of #caseName run on MariaDB"() {
        expect:
        runs('mariadb', caseName) { DriverManager.getConnection(TestDatabases.freshMariadb('retort_i3_golden')) }

        where:
        caseName << runnable('mariadb')
    }

    private static String pgUrl
    private static synchronized String postgres() {
        if (pgUrl == null) pgUrl = TestDatabases.freshPostgres('retort_i3_golden')
        pgUrl
    }

    /** Runs setup, then the case, on a fresh connection; a failing statement fails the feature with its SQL. */
    static boolean runs(String dialect, String caseName, Closure<Connection> connect) {
        Map<String, List<String>> golden = read(dialect)
        Connection c = connect()
        try {
            c.createStatement().withCloseable { s ->
                (golden[SETUP] + golden[caseName]).each { sql ->
                    try { s.execute(sql) }
                    catch (Exception e) { throw new AssertionError("$dialect rejected:\n$sql\n${e.message}", e) }
                }
            }
        } finally { c.close() }
        true
    }

    /** The cases a database can run: not those the dialect refuses, nor those about a table that does not exist. */
    static List<String> runnable(String dialect) {
        read(dialect).findAll { name, sql -> name != SETUP && !name.contains('unknown table') && !sql.any { it.startsWith('!error') } }
                .keySet().toList()
    }

    /** The same reading as the dsl's DialectGoldenSpec: sections, statements separated by blank lines, one ';' each. */
    static Map<String, List<String>> read(String dialect) {
        Map<String, List<String>> cases = [:]
        String name = null
        StringBuilder body = new StringBuilder()
        def flush = {
            if (name != null) cases[name] = body.toString().strip().split(/;\n\n/).collect { it.strip() }
                    .collect { it.endsWith(';') && !it.startsWith('!error') ? it.substring(0, it.length() - 1) : it }
                    .findAll { it && it != '-- (nothing)' }
        }
        Files.readAllLines(GOLDEN.resolve(dialect + '.sql')).each { line ->
            if (line.startsWith('-- case: ')) { flush(); name = line.substring(9); body = new StringBuilder() }
            else body.append(line).append('\n')
        }
        flush()
        cases
    }
}
