package dev.retort.internal.db;

import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.DatabaseSupports;
import dev.retort.internal.database.ServerDatabases;
import dev.retort.internal.database.ServerDatabases.ServerUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * {@code create_database = true}: creates the database a server URL names when the server does not have it, through
 * a connection to the server's maintenance database, as the database's package says ({@link ServerDatabases}).
 * Embedded and file databases (H2, SQLite) create theirs on first connection by themselves.
 */
final class DatabaseCreation {

    private DatabaseCreation() {}

    /** @return the name of the database created, or null when it existed or needs no creating */
    static String ensureExists(String url, String user, String password) {
        Optional<DatabaseSupport> support = DatabaseSupports.forUrl(url);
        if (support.isPresent() && support.get().createsDatabaseOnConnect()) return null;
        Optional<ServerDatabases> server = support.flatMap(DatabaseSupport::serverDatabases);
        Optional<ServerUrl> parts = server.flatMap(s -> s.split(url)).filter(u -> !u.database().isEmpty());
        if (parts.isEmpty())
            throw new DatabaseException("create_database = true needs a URL of the form " + urlForms() + ", but the URL is "
                    + Database.safeUrl(url) + "; create that database yourself and set create_database = false", null);
        String name = parts.get().database();
        String maintenance = server.get().maintenanceUrl(parts.get());
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(maintenance, props)) {
            if (server.get().exists(c, name)) return null;
            server.get().create(c, name);
            return name;
        } catch (SQLException e) {
            throw new DatabaseException("create_database = true, but database " + name + " could not be checked or created through "
                    + Database.safeUrl(maintenance) + ": " + Database.rootMessage(e)
                    + "; check that the user may create databases, or create it yourself", e);
        }
    }

    /** {@code jdbc:postgresql://HOST[:PORT]/NAME or jdbc:mysql://HOST[:PORT]/NAME …}, from the registered databases. */
    private static String urlForms() {
        return DatabaseSupports.all().stream().flatMap(s -> s.serverDatabases().stream()).map(ServerDatabases::urlForm)
                .collect(Collectors.joining(" or "));
    }
}
