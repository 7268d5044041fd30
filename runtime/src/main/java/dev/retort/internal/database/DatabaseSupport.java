package dev.retort.internal.database;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;
import java.util.Optional;

/**
 * What the runtime needs of one database beyond its SQL spelling: which URLs are its, the URL its driver wants, how
 * its live schema is read, how a run locks it, and how whole databases are made (create_database, the test kit).
 * One implementation per package {@code dev.retort.internal.database.<db>}, found through {@link java.util.ServiceLoader}
 * (see {@link DatabaseSupports}), so that nothing outside that package needs to know which database it talks to.
 */
public interface DatabaseSupport {

    /** The dialect this database speaks; the support serves every dialect of the same name. */
    Dialect dialect();

    /** True when a JDBC URL points at this database. */
    default boolean handlesUrl(String jdbcUrl) { return dialect().handlesUrl(jdbcUrl); }

    /** The URL as the JDBC driver should get it; most drivers take it as written. */
    default String driverUrl(String jdbcUrl) { return jdbcUrl; }

    /**
     * The class of this database's JDBC driver, when it is known: connections are then opened with it directly, not
     * through {@link java.sql.DriverManager}, whose first use loads and starts every driver on the class path. Empty:
     * DriverManager picks the driver.
     */
    default Optional<String> driverClass() { return Optional.empty(); }

    /** The reader of the live schema (autogenerate, the test kit's schema traces), for {@code dialect} or one standing in for it. */
    SchemaReflector reflector(Dialect dialect);

    /** The lock that keeps two launchers from migrating this database at once. */
    MigrationLock lock(Database database, String versionTable);

    /** True when connecting creates the database (an embedded or file database), so create_database has nothing to do. */
    default boolean createsDatabaseOnConnect() { return false; }

    /** For a server: how it makes and drops whole databases; empty where Retort does not do that. */
    default Optional<ServerDatabases> serverDatabases() { return Optional.empty(); }

    /**
     * For an embedded or file database: a new, empty one named {@code name} for the test kit, taking what matters from
     * {@code configuredUrl} (null when none is configured); empty for servers, which go through {@link #serverDatabases()}.
     */
    default Optional<ScratchSpace> localScratch(String name, String configuredUrl) { return Optional.empty(); }

    /** True for the database the test kit uses when no test_url is set. */
    default boolean isTestKitDefault() { return false; }
}
