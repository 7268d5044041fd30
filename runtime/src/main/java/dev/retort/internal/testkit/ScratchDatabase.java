package dev.retort.internal.testkit;

import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away database for one check, named {@code retort_test_<random>}: an in-memory H2 by default; on a PostgreSQL
 * or MariaDB/MySQL server a new database made through the given URL; for SQLite a file in a new temporary folder.
 * {@link #close()} drops it, and a shutdown hook drops it if the process is stopped first (Ctrl-C), so no run leaves
 * one behind.
 */
final class ScratchDatabase implements AutoCloseable {
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:(postgresql|mariadb|mysql)://[^/?;]*)/?([^?;]*)(.*)$");
    /** H2 URL settings that change how SQL reads, so the scratch database speaks as the project's does. */
    private static final List<String> H2_DIALECT_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
            "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How one kind of scratch database is dropped. */
    private interface Dropper { void drop() throws SQLException, IOException; }

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

    /** Creates a new, empty scratch database where {@code target} says. */
    static ScratchDatabase create(ScratchTarget target) {
        String name = "retort_test_" + HexFormat.of().formatHex(randomBytes());
        if (target.url() == null || target.url().startsWith("jdbc:h2:")) return h2(name, target);
        if (target.url().startsWith("jdbc:sqlite:")) return sqlite(name);
        Matcher m = SERVER_URL.matcher(target.url());
        if (m.matches()) return onServer(name, target, m);
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

    // ---- the kinds ---------------------------------------------------------------------------------

    private static ScratchDatabase h2(String name, ScratchTarget target) {
        StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(name).append(";DB_CLOSE_DELAY=-1");
        if (target.url() != null)
            for (String setting : target.url().split(";"))
                if (H2_DIALECT_SETTINGS.contains(setting.split("=")[0].trim().toUpperCase(Locale.ROOT))) url.append(';').append(setting.trim());
        String jdbc = url.toString();
        try {
            DriverManager.getDriver(jdbc);
        } catch (SQLException e) {
            throw new DatabaseException("the test kit's scratch database is an in-memory H2 unless test_url says otherwise, but no H2 "
                    + "driver is on the class path; add com.h2database:h2 to the test dependencies, or set test_url to a PostgreSQL, "
                    + "MariaDB or SQLite URL", e);
        }
        Database db = Database.connect(jdbc, "sa", "", Map.of());
        // DB_CLOSE_DELAY=-1 keeps the database while the pool turns its connections over; SHUTDOWN frees it.
        return new ScratchDatabase(name, "in-memory H2", db, () -> {
            try (Connection c = DriverManager.getConnection(jdbc, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }

    private static ScratchDatabase sqlite(String name) {
        Path folder;
        try {
            folder = Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new DatabaseException("cannot create a temporary folder for the SQLite scratch database: " + e.getMessage(), e);
        }
        Database db = connectOrDelete(() -> Database.connect("jdbc:sqlite:" + folder.resolve(name + ".db"), null, null, Map.of()),
                () -> deleteTree(folder));
        // The database file, its journal and Retort's lock file all live in the folder.
        return new ScratchDatabase(name, "SQLite file in " + folder, db, () -> deleteTree(folder));
    }

    private static ScratchDatabase onServer(String name, ScratchTarget target, Matcher m) {
        boolean postgres = m.group(2).equals("postgresql");
        String adminUrl = target.url();
        String scratchUrl = m.group(1) + "/" + name + m.group(4);
        String server = Database.safeUrl(m.group(1));
        Dropper drop = () -> onAdminConnection(target, adminUrl, c -> {
            String force = postgres && c.getMetaData().getDatabaseMajorVersion() >= 13 ? " WITH (FORCE)" : "";
            try (Statement s = c.createStatement()) { s.execute("DROP DATABASE IF EXISTS " + name + force); }
        });
        try {
            onAdminConnection(target, adminUrl, c -> {
                try (Statement s = c.createStatement()) { s.execute("CREATE DATABASE " + name); }
            });
        } catch (SQLException e) {
            throw new DatabaseException(target.origin() + ": cannot create the scratch database " + name + " through "
                    + Database.safeUrl(adminUrl) + ": " + e.getMessage() + "; the user needs the right to create databases "
                    + "(PostgreSQL: CREATEDB; MariaDB: CREATE), or point test_url at a server where it has it", e);
        }
        Database db = connectOrDelete(() -> Database.connect(scratchUrl, target.user(), target.password(), Map.of()), () -> drop.drop());
        return new ScratchDatabase(name, server, db, drop);
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

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
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
