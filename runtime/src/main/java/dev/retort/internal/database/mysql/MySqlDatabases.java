package dev.retort.internal.database.mysql;

import dev.retort.internal.database.ServerDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases (schemas) on a MySQL or MariaDB server, made and dropped on a connection that names none. MariaDB's
 * package uses it with its own URL scheme.
 */
public final class MySqlDatabases implements ServerDatabases {
    private final String scheme;
    private final Pattern url;

    /** @param scheme {@code mysql} or {@code mariadb}, as the URL spells it after {@code jdbc:} */
    public MySqlDatabases(String scheme) {
        this.scheme = scheme;
        this.url = Pattern.compile("^(jdbc:" + Pattern.quote(scheme) + "://[^/?;]*)/?([^?;]*)(.*)$");
    }

    @Override public Optional<ServerUrl> split(String jdbcUrl) {
        Matcher m = url.matcher(jdbcUrl);
        return m.matches() ? Optional.of(new ServerUrl(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    @Override public String urlForm() { return "jdbc:" + scheme + "://HOST[:PORT]/NAME"; }

    @Override public String maintenanceUrl(ServerUrl url) { return url.withDatabase(""); }

    @Override public boolean exists(Connection maintenance, String name) throws SQLException {
        try (PreparedStatement ps = maintenance.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) { return rs.next(); }
        }
    }

    @Override public void create(Connection maintenance, String name) throws SQLException {
        try (Statement s = maintenance.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + quoted(name));
        }
    }

    @Override public void drop(Connection maintenance, String name) throws SQLException {
        try (Statement s = maintenance.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + quoted(name));
        }
    }

    private static String quoted(String name) { return "`" + name.replace("`", "``") + "`"; }
}
