package dev.retort.internal.database;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.LockTableRow;
import dev.retort.internal.db.MigrationLock;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The registry of {@link DatabaseSupport}s found through {@link ServiceLoader}: lookup by dialect or by JDBC URL. */
public final class DatabaseSupports {
    private static final List<DatabaseSupport> ALL = ServiceLoader.load(DatabaseSupport.class, DatabaseSupports.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private DatabaseSupports() {}

    public static List<DatabaseSupport> all() { return ALL; }

    /**
     * The support for a dialect. A dialect a third party registered without a runtime support of its own gets the
     * portable one: plain JDBC metadata for reading, a row of a lock table for locking, no database creation.
     */
    public static DatabaseSupport forDialect(Dialect dialect) {
        return ALL.stream().filter(s -> s.dialect().name().equalsIgnoreCase(dialect.name())).findFirst()
                .orElseGet(() -> new Portable(dialect));
    }

    /** The support whose database a JDBC URL points at; empty when none is registered for it. */
    public static Optional<DatabaseSupport> forUrl(String jdbcUrl) {
        return ALL.stream().filter(s -> s.handlesUrl(jdbcUrl)).findFirst();
    }

    /** The database the test kit uses when no test_url is set. */
    public static Optional<DatabaseSupport> testKitDefault() {
        return ALL.stream().filter(DatabaseSupport::isTestKitDefault).findFirst();
    }

    /** What any database with row locks and standard JDBC metadata can do. */
    private record Portable(Dialect dialect) implements DatabaseSupport {
        @Override public SchemaReflector reflector(Dialect d) { return new SchemaReflector(d) {}; }
        @Override public MigrationLock lock(Database database, String versionTable) {
            return new LockTableRow(database, MigrationLock.lockTable(versionTable));
        }
    }
}
