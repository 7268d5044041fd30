package dev.retort.internal.database.mariadb;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.ServerDatabases;
import dev.retort.internal.database.mysql.MySqlDatabases;
import dev.retort.internal.database.mysql.MysqlReflector;
import dev.retort.internal.database.mysql.NamedLock;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;
import java.util.Optional;

/**
 * MariaDB: MySQL's named lock, catalog and database creation; its JSON is LONGTEXT with a json_valid check
 * (mariadb.com/kb/en/json-data-type), which the reader maps back.
 */
public final class MariaDbSupport implements DatabaseSupport {
    private static final Dialect DIALECT = new MariaDbDialect();
    private static final ServerDatabases DATABASES = new MySqlDatabases("mariadb");

    @Override public Dialect dialect() { return DIALECT; }
    @Override public Optional<String> driverClass() { return Optional.of("org.mariadb.jdbc.Driver"); }

    @Override public SchemaReflector reflector(Dialect dialect) { return new MysqlReflector(dialect, true, true); }

    @Override public MigrationLock lock(Database database, String versionTable) {
        return new NamedLock(database, MigrationLock.lockName(versionTable));
    }

    @Override public Optional<ServerDatabases> serverDatabases() { return Optional.of(DATABASES); }
}
