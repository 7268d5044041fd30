package dev.retort.internal.database.oracle;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;

/** Oracle: its data dictionary reader, a {@code DBMS_LOCK} lock; Retort does not create Oracle databases (create_database is refused). */
public final class OracleSupport implements DatabaseSupport {
    private static final Dialect DIALECT = new OracleDialect();

    @Override public Dialect dialect() { return DIALECT; }

    @Override public SchemaReflector reflector(Dialect dialect) { return new OracleReflector(dialect); }

    @Override public MigrationLock lock(Database database, String versionTable) {
        return new DbmsLock(database, MigrationLock.lockName(versionTable));
    }
}
