package dev.retort.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The retry loop shared by the session locks: a dedicated connection, a non-blocking attempt every so often,
 * a notice naming the holder when waiting starts and every ten seconds after, and a clear error at the timeout.
 */
public abstract class SessionLock implements MigrationLock {
    private static final long NOTICE_EVERY_MS = 10_000;

    protected final Database database;
    /** What the messages call the lock; a lock named after its scope sets its full name in {@link #prepare}. */
    protected String description;
    protected Connection connection;
    /** The connection's current schema, as {@link #scoped} or {@link #prepare} found it; null where there are no schemas. */
    protected String schema;
    private boolean held;

    protected SessionLock(Database database, String description) {
        this.database = database;
        this.description = description;
    }

    /** One attempt that does not wait (or waits at most about a second); true when the lock is now held. */
    protected abstract boolean tryTake(Connection c) throws SQLException;

    /** Who holds the lock, as far as the database tells: session id, user, client, since when. */
    protected abstract String holder(Connection c) throws SQLException;

    protected abstract void release(Connection c) throws SQLException;

    /** Prepares the dedicated connection once (session settings, lock table, the lock's scoped name). */
    protected void prepare(Connection c) throws SQLException {}

    /**
     * {@code retort:retort_version@app/tenant_7}: the lock's name with the database and schema the connection works in,
     * so tenants that share a database (one schema each) do not queue behind each other.
     */
    protected String scoped(Connection c, String name) throws SQLException {
        schema = Tables.currentSchema(c);
        return name + "@" + Tables.scope(c, schema);
    }

    @Override public Optional<Session> session() {
        return held ? Optional.of(new Session(connection, schema)) : Optional.empty();
    }

    @Override public final void acquire(Duration timeout, Consumer<String> waiting) {
        connection = database.connection();
        try {
            connection.setAutoCommit(true);
            prepare(connection);
            long deadline = System.nanoTime() + timeout.toNanos();
            long nextNotice = 0;
            long pause = 100;
            while (true) {
                if (tryTake(connection)) { held = true; return; }
                long now = System.nanoTime();
                if (now >= deadline) {
                    String holder = safeHolder();
                    throw new LockTimeoutException("could not take the migration lock (" + description + ") within "
                            + format(timeout) + ": it is held by " + holder + ". Another launcher is migrating this "
                            + "database; wait for it to finish, or raise lock_timeout in the configuration. A launcher that "
                            + "was killed loses the lock with its database session, so this is a live holder.", holder);
                }
                if (now >= nextNotice) {
                    waiting.accept("Waiting for the migration lock (" + description + "), held by " + safeHolder()
                            + "; giving up after " + format(timeout));
                    nextNotice = now + NOTICE_EVERY_MS * 1_000_000;
                }
                Thread.sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
                pause = Math.min(1000, pause * 2);
            }
        } catch (SQLException e) {
            close();
            throw new DatabaseException("cannot take the migration lock (" + description + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DatabaseException("interrupted while waiting for the migration lock (" + description + ")", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String safeHolder() {
        try {
            return holder(connection);
        } catch (SQLException e) {
            return "another session (the database did not say which: " + e.getMessage() + ")";
        }
    }

    @Override public final void close() {
        if (connection == null) return;
        try {
            if (held) release(connection);
        } catch (SQLException ignored) {
            // Closing the session below releases the lock anyway.
        } finally {
            held = false;
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing left to release.
            }
            connection = null;
        }
    }

    public static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
