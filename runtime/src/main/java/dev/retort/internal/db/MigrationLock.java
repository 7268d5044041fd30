package dev.retort.internal.db;

import dev.retort.internal.database.DatabaseSupports;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps two launchers from migrating one database at once. Every implementation holds the database's own
 * session lock on a connection of its own, so the lock goes away with that session: on {@link #close()}, and
 * also when the launcher's process dies, which leaves nothing stale behind. The connection stays in autocommit
 * mode (no open transaction), which avoids PostgreSQL's deadlock between a transaction-scoped lock and
 * {@code CREATE INDEX CONCURRENTLY}.
 */
public interface MigrationLock extends AutoCloseable {

    /**
     * Takes the lock, retrying until {@code timeout}; while waiting, tells {@code waiting} who holds it.
     *
     * @throws DatabaseException when the lock is still held after the timeout
     */
    void acquire(Duration timeout, Consumer<String> waiting);

    /** Releases the lock and closes its connection. */
    @Override void close();

    /**
     * The connection the lock is held on, while it is held, and the schema current there (null where the database has
     * no schemas): a launcher reads the version table on it, so a database with nothing to do costs one connection.
     * Empty for a lock that holds no connection (a lock file).
     */
    default Optional<Session> session() { return Optional.empty(); }

    /** A held lock's connection (autocommit, or H2's lock-row transaction) and its current schema, or null. */
    record Session(Connection connection, String schema) {}

    /** The table that holds the lock row where the database has no session lock of its own (H2). */
    static String lockTable(String versionTable) { return versionTable + "_lock"; }

    /** The name a session lock takes for a version table: {@code retort:retort_version}. */
    static String lockName(String versionTable) { return "retort:" + versionTable; }

    /** The lock for a database, as its package's {@link dev.retort.internal.database.DatabaseSupport} takes it. */
    static MigrationLock forDatabase(Database database, String versionTable) {
        return DatabaseSupports.forDialect(database.dialect()).lock(database, versionTable);
    }
}
