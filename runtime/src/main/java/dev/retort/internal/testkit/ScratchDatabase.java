package dev.retort.internal.testkit;

import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.DatabaseSupports;
import dev.retort.internal.database.ScratchSpace;
import dev.retort.internal.database.ScratchSpace.Dropper;
import dev.retort.internal.database.ServerDatabases;
import dev.retort.internal.database.ServerDatabases.ServerUrl;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A throw-away database for one check, named {@code retort_test_<random>}: an in-memory H2 by default; on a PostgreSQL
 * or MariaDB/MySQL server a new database made through the given URL; for SQLite a file in a new temporary folder
 * (each made by its database's package, see {@link DatabaseSupport}).
 * {@link #close()} drops it, and a shutdown hook drops it if the process is stopped first (Ctrl-C), so no run leaves
 * one behind.
 */
final class ScratchDatabase implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final String where;
    private final Database database;
    private final Dropper dropper;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread hook;

    private ScratchDatabase(String name, String where, Database database, Dropper dropper) {
        this.name = name;
        this.where = where;
        this.database = database;
        this.dropper = dropper;
        this.hook = new Thread(this::dropOnExit, "retort-test-drop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Creates a new, empty scratch database where {@code target} says: the database's package makes an embedded or
     * file one itself; on a server it is created and dropped through the server's maintenance connection.
     */
    static ScratchDatabase create(ScratchTarget target) {
        String name = "retort_test_" + HexFormat.of().formatHex(randomBytes());
        Optional<DatabaseSupport> support = target.url() == null ? DatabaseSupports.testKitDefault() : DatabaseSupports.forUrl(target.url());
        Optional<ScratchSpace> local = support.flatMap(s -> s.localScratch(name, target.url()));
        if (local.isPresent()) return new ScratchDatabase(name, local.get().where(), local.get().database(), local.get().dropper());
        Optional<ServerDatabases> server = support.flatMap(DatabaseSupport::serverDatabases);
        Optional<ServerUrl> parts = server.flatMap(s -> s.split(target.url()));
        if (parts.isPresent()) return onServer(name, target, server.get(), parts.get());
        throw new DatabaseException(target.origin() + ": a scratch database can be made on H2, PostgreSQL, MariaDB/MySQL or SQLite, but "
                + Database.safeUrl(target.url()) + " is none of those; point test_url at a server of one of them, or leave it unset "
                + "for an in-memory H2", null);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The scratch database's name, {@code retort_test_…}. */
    String name() { return name; }

    /** Where it lives, for messages: {@code in-memory H2}, or the server's URL without a password. */
    String where() { return where; }

    Database database() { return database; }

    // ---- on a server ------------------------------------------------------------------------------

    private static ScratchDatabase onServer(String name, ScratchTarget target, ServerDatabases server, ServerUrl parts) {
        String adminUrl = target.url();
        String scratchUrl = parts.withDatabase(name);
        String where = Database.safeUrl(parts.server());
        Dropper drop = () -> onAdminConnection(target, adminUrl, c -> server.drop(c, name));
        try {
            onAdminConnection(target, adminUrl, c -> server.create(c, name));
        } catch (SQLException e) {
            throw new DatabaseException(target.origin() + ": cannot create the scratch database " + name + " through "
                    + Database.safeUrl(adminUrl) + ": " + e.getMessage() + "; the user needs the right to create databases "
                    + "(PostgreSQL: CREATEDB; MariaDB: CREATE), or point test_url at a server where it has it", e);
        }
        Database db = connectOrDelete(() -> Database.connect(scratchUrl, target.user(), target.password(), Map.of()), drop);
        return new ScratchDatabase(name, where, db, drop);
    }

    /** The server's own connection (the database the given URL names), for CREATE and DROP DATABASE. */
    private static void onAdminConnection(ScratchTarget target, String url, SqlWork work) throws SQLException {
        try (Database admin = Database.connect(url, target.user(), target.password(), Map.of()); Connection c = admin.connection()) {
            c.setAutoCommit(true);
            work.run(c);
        }
    }

    private interface SqlWork { void run(Connection c) throws SQLException; }

    private static Database connectOrDelete(java.util.function.Supplier<Database> connect, Dropper undo) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            try { undo.drop(); } catch (SQLException | IOException | RuntimeException suppressed) { e.addSuppressed(suppressed); }
            throw e;
        }
    }

    // ---- dropping ----------------------------------------------------------------------------------

    /** Closes the connections and drops the database; a failure to drop names the database so it can be dropped by hand. */
    @Override public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it drops the database.
        }
        drop();
    }

    private void dropOnExit() {
        try {
            drop();
        } catch (RuntimeException e) {
            System.err.println("retort test: " + e.getMessage());
        }
    }

    private void drop() {
        if (!dropped.compareAndSet(false, true)) return;
        database.close();
        try {
            dropper.drop();
        } catch (SQLException | IOException | RuntimeException e) {
            throw new DatabaseException("the scratch database " + name + " (" + where + ") could not be dropped: " + e.getMessage()
                    + "; drop it by hand (DROP DATABASE " + name + ")", e);
        }
    }
}
