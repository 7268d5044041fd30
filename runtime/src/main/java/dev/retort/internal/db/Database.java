package dev.retort.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.Dialects;
import dev.retort.internal.database.DatabaseSupport;
import dev.retort.internal.database.DatabaseSupports;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/** A target database: its dialect and a small HikariCP pool, closed when the command ends. */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private final ConnectionSetup setup;
    /**
     * The connection {@link #of} opened to learn the dialect, handed out by the first {@link #connection()} instead of
     * opening another (a data source that does not pool would pay a second login); closed by {@link #close()} if unused.
     */
    private final AtomicReference<Connection> parked;

    /** Prepares each connection before it is used: the environment script's {@code configureConnection}. */
    @FunctionalInterface
    public interface ConnectionSetup { void configure(Connection connection); }

    private Database(Dialect dialect, DataSource dataSource, boolean ownsDataSource, ConnectionSetup setup, AtomicReference<Connection> parked) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
        this.setup = setup;
        this.parked = parked;
    }

    /**
     * The same database, running {@code setup} on every connection it hands out (each time, not once per pooled
     * connection: the pool resets some session state, such as the schema, when a connection is returned).
     * Close the returned one instead of this.
     */
    public Database configuredBy(ConnectionSetup setup) { return new Database(dialect, dataSource, ownsDataSource, setup, parked); }

    /**
     * The same database read through another dialect than its URL names. For specs only: the registry picks a
     * dialect by URL, and a spec runs H2 under a dialect that reports other capabilities (DDL that commits by itself)
     * so the resumable run is covered without MariaDB. Close the returned one instead of this.
     */
    public Database withDialect(Dialect other) { return new Database(other, dataSource, ownsDataSource, setup, parked); }

    public static Database connect(String url, String user, String password, Map<String, String> pool) {
        return connect(url, user, password, pool, false);
    }

    /**
     * @param pool           {@code pool.*} settings, passed to HikariCP by their HikariConfig property names
     * @param createDatabase create the database the URL names when the server does not have it (create_database)
     */
    public static Database connect(String url, String user, String password, Map<String, String> pool, boolean createDatabase) {
        // Creating the database needs no dialect, only the server's own catalog.
        if (createDatabase) DatabaseCreation.ensureExists(url, user, password);
        Dialect dialect = Dialects.forUrl(url);
        Properties props = new Properties();
        pool.forEach(props::setProperty);
        HikariConfig config;
        try {
            config = new HikariConfig(props);
        } catch (RuntimeException e) {
            throw new DatabaseException("a pool.* setting is not one HikariCP knows (" + rootMessage(e) + "); the keys are "
                    + "HikariConfig property names such as pool.maximumPoolSize or pool.connectionTimeout", e);
        }
        Optional<DataSource> direct = pool.keySet().stream().anyMatch(DRIVER_CHOICES::contains) ? Optional.empty()
                : DatabaseSupports.forUrl(url).flatMap(DatabaseSupport::driverClass)
                        .flatMap(driver -> DriverDataSource.of(driver, driverUrl(url), connectionProperties(config, user, password)));
        if (direct.isPresent()) {
            config.setDataSource(direct.get());
        } else {
            config.setJdbcUrl(driverUrl(url));
            if (user != null) config.setUsername(user);
            if (password != null) config.setPassword(password);
        }
        // The migration lock holds a connection of its own for the whole run, so the pool needs at least two.
        config.setMaximumPoolSize(Math.max(2, pool.containsKey("maximumPoolSize") ? config.getMaximumPoolSize() : 2));
        // One idle connection, the one opened below to fail fast: the lock takes it, and a database with nothing to do
        // needs no other (a run with steps opens its second when it needs it).
        if (!pool.containsKey("minimumIdle")) config.setMinimumIdle(1);
        // A migration run is short: fail fast when the server is down instead of retrying for Hikari's default 30 s.
        if (!pool.containsKey("connectionTimeout")) config.setConnectionTimeout(10_000);
        // Try one connection while building the pool, so an unreachable server fails at once with the driver's reason.
        if (!pool.containsKey("initializationFailTimeout")) config.setInitializationFailTimeout(1);
        config.setPoolName("retort");
        try {
            return new Database(dialect, new HikariDataSource(config), true, null, new AtomicReference<>());
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to " + safeUrl(url) + ": " + rootMessage(e), e);
        }
    }

    /** pool.* settings that choose the driver or data source themselves: with one of them, HikariCP finds the driver. */
    private static final java.util.Set<String> DRIVER_CHOICES = java.util.Set.of("driverClassName", "dataSourceClassName", "dataSource",
            "dataSourceJNDI", "jdbcUrl", "username", "password");

    /** What HikariCP would hand the driver: the pool's dataSource.* properties, then user and password. */
    private static Properties connectionProperties(HikariConfig config, String user, String password) {
        Properties p = new Properties();
        p.putAll(config.getDataSourceProperties());
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return p;
    }

    /** The URL handed to the driver, as the database's package wants it (see {@link DatabaseSupport#driverUrl}). */
    static String driverUrl(String url) {
        return DatabaseSupports.forUrl(url).map(s -> s.driverUrl(url)).orElse(url);
    }

    /** Uses a data source the application owns (the Java API); it is not closed here. */
    public static Database of(DataSource dataSource) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect through the given data source: " + e.getMessage(), e);
        }
        try {
            return new Database(Dialects.forUrl(c.getMetaData().getURL()), dataSource, false, null, new AtomicReference<>(c));
        } catch (SQLException | RuntimeException e) {
            try { c.close(); } catch (SQLException ignored) { /* the first failure is the one to report */ }
            if (e instanceof RuntimeException r) throw r;
            throw new DatabaseException("cannot connect through the given data source: " + e.getMessage(), e);
        }
    }

    public Dialect dialect() { return dialect; }

    public Connection connection() {
        Connection c = parked.getAndSet(null);
        try {
            if (c == null) c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseException("cannot connect: " + rootMessage(e), e);
        }
        if (setup == null) return c;
        try {
            setup.configure(c);
            return c;
        } catch (RuntimeException e) {
            try { c.close(); } catch (SQLException ignored) { /* the setup's failure is the one to report */ }
            throw e;
        }
    }

    @Override public void close() {
        Connection unused = parked.getAndSet(null);
        if (unused != null) try { unused.close(); } catch (SQLException ignored) { /* nothing was done on it */ }
        if (ownsDataSource && dataSource instanceof HikariDataSource h) h.close();
    }

    /** A JDBC URL with any password parameter masked. */
    public static String safeUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^@/]*@", "//$1:***@");
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
