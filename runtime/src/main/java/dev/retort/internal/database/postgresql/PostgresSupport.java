package dev.retort.internal.database.postgresql;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.ServerDatabases;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;
import java.util.Optional;

/** PostgreSQL: a session-level advisory lock, and databases made through the {@code postgres} maintenance database. */
public final class PostgresSupport implements DatabaseSupport {
    private static final Dialect DIALECT = new PostgresDialect();
    private static final ServerDatabases DATABASES = new PostgresDatabases();

    @Override public Dialect dialect() { return DIALECT; }
    @Override public Optional<String> driverClass() { return Optional.of("org.postgresql.Driver"); }

    @Override public SchemaReflector reflector(Dialect dialect) { return new PostgresReflector(dialect); }

    @Override public MigrationLock lock(Database database, String versionTable) {
        return new AdvisoryLock(database, MigrationLock.lockName(versionTable));
    }

    @Override public Optional<ServerDatabases> serverDatabases() { return Optional.of(DATABASES); }
}
