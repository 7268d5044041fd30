package dev.retort.internal.database.sqlite;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.ScratchSpace;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.MigrationLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SQLite: a file database, created on connection; its locks cover the whole file, so a run locks a file beside it.
 * The test kit's scratch database is a file in a new temporary folder.
 */
public final class SqliteSupport implements DatabaseSupport {
    private static final Dialect DIALECT = new SqliteDialect();

    @Override public Dialect dialect() { return DIALECT; }
    @Override public Optional<String> driverClass() { return Optional.of("org.sqlite.JDBC"); }

    @Override public SchemaReflector reflector(Dialect dialect) { return new SqliteReflector(dialect); }

    @Override public MigrationLock lock(Database database, String versionTable) { return new LockFile(database); }

    @Override public boolean createsDatabaseOnConnect() { return true; }

    @Override public Optional<ScratchSpace> localScratch(String name, String configuredUrl) {
        Path folder;
        try {
            folder = Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new DatabaseException("cannot create a temporary folder for the SQLite scratch database: " + e.getMessage(), e);
        }
        Database db;
        try {
            db = Database.connect("jdbc:sqlite:" + folder.resolve(name + ".db"), null, null, Map.of());
        } catch (RuntimeException e) {
            try { deleteTree(folder); } catch (IOException | RuntimeException suppressed) { e.addSuppressed(suppressed); }
            throw e;
        }
        // The database file, its journal and Retort's lock file all live in the folder.
        return Optional.of(new ScratchSpace("SQLite file in " + folder, db, () -> deleteTree(folder)));
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
