package dev.retort.internal.database.h2;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.ScratchSpace;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.LockTableRow;
import dev.retort.internal.db.MigrationLock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * H2, the embedded default: it creates its database on connection, has no session lock of its own (so a row of a
 * lock table held by an open transaction serves), and makes the test kit's in-memory scratch databases.
 */
public final class H2Support implements DatabaseSupport {
    private static final Dialect DIALECT = new H2Dialect();
    /** H2 URL settings that change how SQL reads, so the scratch database speaks as the project's does. */
    private static final List<String> H2_DIALECT_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
            "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING", "IGNORECASE");

    @Override public Dialect dialect() { return DIALECT; }
    @Override public Optional<String> driverClass() { return Optional.of("org.h2.Driver"); }

    @Override public SchemaReflector reflector(Dialect dialect) { return new H2Reflector(dialect); }

    @Override public MigrationLock lock(Database database, String versionTable) {
        return new LockTableRow(database, MigrationLock.lockTable(versionTable));
    }

    @Override public boolean createsDatabaseOnConnect() { return true; }

    @Override public boolean isTestKitDefault() { return true; }

    @Override public Optional<ScratchSpace> localScratch(String name, String configuredUrl) {
        StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(name).append(";DB_CLOSE_DELAY=-1");
        if (configuredUrl != null)
            for (String setting : configuredUrl.split(";"))
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
        return Optional.of(new ScratchSpace("in-memory H2", db, () -> {
            try (Connection c = DriverManager.getConnection(jdbc, "sa", ""); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }));
    }
}
