package dev.retort.internal.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code create_database = true}: creates the database a PostgreSQL or MariaDB/MySQL URL names when the server
 * does not have it, through a connection to the server's maintenance database ({@code postgres}, or none for
 * MariaDB/MySQL). H2 and SQLite create their database on first connection by themselves.
 */
final class DatabaseCreation {
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:(postgresql|mariadb|mysql)://[^/?;]*)/([^?;]*)(.*)$");

    private DatabaseCreation() {}

    /** @return the name of the database created, or null when it existed or needs no creating */
    static String ensureExists(String url, String user, String password) {
        if (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:sqlite:")) return null;
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches() || m.group(3).isEmpty())
            throw new DatabaseException("create_database = true needs a URL of the form jdbc:postgresql://HOST[:PORT]/NAME or "
                    + "jdbc:mariadb://HOST[:PORT]/NAME (also jdbc:mysql:), but the URL is " + Database.safeUrl(url)
                    + "; create that database yourself and set create_database = false", null);
        boolean postgres = m.group(2).equals("postgresql");
        String name = m.group(3);
        String maintenance = m.group(1) + (postgres ? "/postgres" : "/") + m.group(4);
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(maintenance, props)) {
            try (PreparedStatement exists = c.prepareStatement(postgres
                    ? "SELECT 1 FROM pg_database WHERE datname = ?"
                    : "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) { if (rs.next()) return null; }
            }
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\""
                        : "CREATE DATABASE IF NOT EXISTS `" + name.replace("`", "``") + "`");
            } catch (SQLException e) {
                // Another launcher created it between our check and our CREATE: that is what we wanted.
                if (!"42P04".equals(e.getSQLState())) throw e;
            }
            return name;
        } catch (SQLException e) {
            throw new DatabaseException("create_database = true, but database " + name + " could not be checked or created through "
                    + Database.safeUrl(maintenance) + ": " + Database.rootMessage(e)
                    + "; check that the user may create databases, or create it yourself", e);
        }
    }
}
