package dev.retort.internal.database.mysql;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.ServerDatabases;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;
import java.util.Optional;

/**
 * MySQL 8: a {@code GET_LOCK} named lock, and {@code jdbc:mysql:} URLs served by the MariaDB driver, which is already
 * on the classpath and LGPL (unlike MySQL Connector/J) and accepts that scheme only with its {@code permitMysqlScheme}
 * option. If Connector/J is on the classpath it is used as it is.
 */
public final class MySqlSupport implements DatabaseSupport {
    private static final Dialect DIALECT = new MySqlDialect();
    private static final ServerDatabases DATABASES = new MySqlDatabases("mysql");

    @Override public Dialect dialect() { return DIALECT; }

    @Override public String driverUrl(String url) {
        if (url.contains("permitMysqlScheme")) return url;
        try {
            Class.forName("com.mysql.cj.jdbc.Driver", false, MySqlSupport.class.getClassLoader());
            return url;
        } catch (ClassNotFoundException e) {
            return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
        }
    }

    @Override public SchemaReflector reflector(Dialect dialect) { return new MysqlReflector(dialect, false, false); }

    @Override public MigrationLock lock(Database database, String versionTable) {
        return new NamedLock(database, MigrationLock.lockName(versionTable));
    }

    @Override public Optional<ServerDatabases> serverDatabases() { return Optional.of(DATABASES); }
}
