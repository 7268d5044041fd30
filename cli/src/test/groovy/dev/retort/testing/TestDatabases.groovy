package dev.retort.testing

import dev.retort.dsl.dialect.Dialects
import java.sql.DriverManager

/**
 * Real databases for specs. The server URLs come from RETORT_TEST_PG_URL and RETORT_TEST_MARIADB_URL
 * (set by .ci/run). Where one is unset the specs that need it are skipped with a printed notice, except
 * under CI=true, where a missing database is a failure. Each spec asks for a database of its own by name,
 * so specs (and concurrent runs) never share state. The other things a spec may need (a registered dialect, a
 * database's command-line client) follow the same rule: skipped with a notice locally, a failure under CI.
 */
final class TestDatabases {
    private static final Set<String> warned = Collections.synchronizedSet(new HashSet<String>())

    static String postgresServer() { server('RETORT_TEST_PG_URL', 'PostgreSQL') }
    static String mariadbServer() { server('RETORT_TEST_MARIADB_URL', 'MariaDB') }

    static boolean hasPostgres() { postgresServer() != null }
    static boolean hasMariadb() { mariadbServer() != null }

    /** Whether a dialect of this name ({@code postgresql}, {@code mariadb}, …) is registered in {@code Dialects}. */
    static boolean hasDialect(String name) {
        present("the $name dialect", Dialects.all().any { it.name().equalsIgnoreCase(name) })
    }

    /** Whether a registered dialect handles this JDBC URL. */
    static boolean hasDialectFor(String url) {
        present("a dialect for ${url.replaceAll(/[?;].*$/, '')}", Dialects.all().any { it.handlesUrl(url) })
    }

    /** Whether a program (a database's client: psql, mariadb, sqlite3) is on the PATH. */
    static boolean hasProgram(String program) {
        present("the program $program on the PATH", System.getenv('PATH').split(File.pathSeparator).any { new File(it, program).canExecute() })
    }

    /**
     * The rule for everything a spec needs from its surroundings: true when found; otherwise false with a printed
     * notice (the spec is skipped), except under CI=true, where a skipped spec would hide a gap, so it is a failure.
     */
    static boolean present(String what, boolean found) {
        if (found) return true
        if (System.getenv('CI') == 'true')
            throw new IllegalStateException("$what is missing under CI: the specs that need it must run there (see .ci/run)")
        if (warned.add(what)) println "NOTICE: $what is missing; the specs that need it are skipped"
        return false
    }

    private static String server(String variable, String what) {
        String url = System.getenv(variable)
        if (url) return url
        if (System.getenv('CI') == 'true')
            throw new IllegalStateException("$variable is not set under CI: the $what specs must run there (see .ci/run)")
        if (warned.add(variable)) println "NOTICE: $variable is not set; $what specs are skipped"
        return null
    }

    /** A new, empty PostgreSQL database (dropped first if a previous run left it); returns its JDBC URL. */
    static String freshPostgres(String name) {
        String server = postgresServer()
        def c = DriverManager.getConnection(server)
        try {
            c.createStatement().withCloseable { s ->
                s.execute("DROP DATABASE IF EXISTS $name WITH (FORCE)")
                s.execute("CREATE DATABASE $name")
            }
        } finally { c.close() }
        return replaceDatabase(server, name)
    }

    /** A new, empty MariaDB database; returns its JDBC URL. */
    static String freshMariadb(String name) {
        String server = mariadbServer()
        def c = DriverManager.getConnection(server)
        try {
            c.createStatement().withCloseable { s ->
                s.execute("DROP DATABASE IF EXISTS $name")
                s.execute("CREATE DATABASE $name")
            }
        } finally { c.close() }
        return replaceDatabase(server, name)
    }

    /** jdbc:postgresql://host:port/test?user=postgres -> jdbc:postgresql://host:port/NAME?user=postgres */
    static String replaceDatabase(String url, String name) {
        def m = url =~ /^(jdbc:\w+:\/\/[^\/]+\/)([^?]*)(.*)$/
        if (!m.matches()) throw new IllegalArgumentException("cannot find the database name in $url")
        return m.group(1) + name + m.group(3)
    }
}
