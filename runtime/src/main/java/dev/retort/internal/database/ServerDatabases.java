package dev.retort.internal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How a database server makes and drops whole databases, through a connection to one of its maintenance databases:
 * {@code create_database = true} and the test kit's scratch databases use it.
 */
public interface ServerDatabases {

    /**
     * A server URL taken apart: {@code jdbc:postgresql://host:5432}, the database name (empty when the URL names
     * none) and the rest ({@code ?user=x}, possibly empty).
     */
    record ServerUrl(String server, String database, String rest) {
        /** The same server and settings, naming another database. */
        public String withDatabase(String name) { return server + "/" + name + rest; }
    }

    /** The URL's parts when it is a URL of this server kind; empty otherwise. */
    Optional<ServerUrl> split(String jdbcUrl);

    /** The form a URL must have for create_database, for messages: {@code jdbc:postgresql://HOST[:PORT]/NAME}. */
    String urlForm();

    /** The URL of the database to connect to for creating another ({@code postgres} on PostgreSQL, none on MariaDB). */
    String maintenanceUrl(ServerUrl url);

    /** True when the server has a database of that name. */
    boolean exists(Connection maintenance, String name) throws SQLException;

    /** Creates the database; one that another launcher created meanwhile is not an error. */
    void create(Connection maintenance, String name) throws SQLException;

    /** Drops the database if it is there, also while sessions are still connected where the server allows it. */
    void drop(Connection maintenance, String name) throws SQLException;
}
