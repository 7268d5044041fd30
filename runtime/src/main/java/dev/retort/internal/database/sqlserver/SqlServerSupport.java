package dev.retort.internal.database.sqlserver;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;

/** SQL Server: its catalog view reader, an {@code sp_getapplock} lock; Retort does not create SQL Server databases (create_database is refused). */
public final class SqlServerSupport implements DatabaseSupport {
    private static final Dialect DIALECT = new SqlServerDialect();

    @Override public Dialect dialect() { return DIALECT; }

    @Override public SchemaReflector reflector(Dialect dialect) { return new SqlServerReflector(dialect); }

    @Override public MigrationLock lock(Database database, String versionTable) {
        return new ApplicationLock(database, MigrationLock.lockName(versionTable));
    }
}
