package it.retort.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.SpringBootVersion;

/**
 * A PostgreSQL database of this IT's own (starter_it_boot3 or _boot4), created fresh from RETORT_TEST_PG_URL's server;
 * missing that variable skips, except under CI=true where it fails.
 */
final class PostgresDatabase {
    static final String NAME = "starter_it_boot" + SpringBootVersion.getVersion().charAt(0);

    private PostgresDatabase() {}

    static String serverUrl() {
        String url = System.getenv("RETORT_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("RETORT_TEST_PG_URL is not set, and CI=true needs PostgreSQL");
            Assumptions.abort("RETORT_TEST_PG_URL is not set");
        }
        return url;
    }

    /** The URL of the fresh database: the server's URL with its database name replaced. */
    static String create() {
        String server = serverUrl();
        run(server, "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        run(server, "CREATE DATABASE " + NAME);
        return server.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + NAME);
    }

    static void drop() { run(serverUrl(), "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)"); }

    private static void run(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
        }
    }
}
