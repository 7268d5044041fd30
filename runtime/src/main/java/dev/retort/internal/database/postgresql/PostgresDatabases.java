package dev.retort.internal.database.postgresql;

import dev.retort.internal.database.ServerDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Databases on a PostgreSQL server, made and dropped through its {@code postgres} maintenance database. */
final class PostgresDatabases implements ServerDatabases {
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?;]*)/?([^?;]*)(.*)$");
    /** SQLSTATE duplicate_database (postgresql.org/docs/current/errcodes-appendix.html). */
    private static final String DUPLICATE_DATABASE = "42P04";

    @Override public Optional<ServerUrl> split(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        return m.matches() ? Optional.of(new ServerUrl(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    @Override public String urlForm() { return "jdbc:postgresql://HOST[:PORT]/NAME"; }

    @Override public String maintenanceUrl(ServerUrl url) { return url.withDatabase("postgres"); }

    @Override public boolean exists(Connection maintenance, String name) throws SQLException {
        try (PreparedStatement ps = maintenance.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
        }
    }

    @Override public void create(Connection maintenance, String name) throws SQLException {
        try (Statement s = maintenance.createStatement()) {
            s.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            // Another launcher created it between the check and this CREATE: that is what was wanted.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) throw e;
        }
    }

    /** From PostgreSQL 13, {@code WITH (FORCE)} ends the sessions still connected (postgresql.org/docs/13/sql-dropdatabase.html). */
    @Override public void drop(Connection maintenance, String name) throws SQLException {
        String force = maintenance.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : "";
        try (Statement s = maintenance.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\"" + force);
        }
    }
}
