package dev.retort.internal.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections from one known JDBC driver, for the pool to use instead of looking the driver up by URL. The lookup goes
 * through {@link DriverManager}, whose first use loads and starts every driver on the class path (H2, SQLite, MariaDB,
 * PostgreSQL, …); a command that connects once, such as an upgrade with nothing to do, pays for all of them.
 */
final class DriverDataSource implements DataSource {
    private final Driver driver;
    private final String url;
    private final Properties properties;

    private DriverDataSource(Driver driver, String url, Properties properties) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
    }

    /**
     * A data source on the named driver class, when it is on the class path and takes the URL; empty otherwise (the pool
     * then finds a driver through DriverManager, as for any other database).
     *
     * @param properties the driver's connection properties (user, password, pool.dataSource.* settings)
     */
    static Optional<DataSource> of(String driverClass, String url, Properties properties) {
        try {
            Driver driver = (Driver) Class.forName(driverClass, true, DriverDataSource.class.getClassLoader()).getDeclaredConstructor().newInstance();
            return driver.acceptsURL(url) ? Optional.of(new DriverDataSource(driver, url, properties)) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException | SQLException e) {
            return Optional.empty();
        }
    }

    @Override public Connection getConnection() throws SQLException {
        Connection c = driver.connect(url, properties);
        if (c == null) throw new SQLException("the driver " + driver.getClass().getName() + " does not take the URL");
        return c;
    }

    @Override public Connection getConnection(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        Connection c = driver.connect(url, p);
        if (c == null) throw new SQLException("the driver " + driver.getClass().getName() + " does not take the URL");
        return c;
    }

    // Drivers read the login timeout from DriverManager when the URL sets none, as they do when DriverManager connects.
    @Override public void setLoginTimeout(int seconds) { DriverManager.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() { return DriverManager.getLoginTimeout(); }
    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) {}
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return driver.getParentLogger(); }

    @Override public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override public boolean isWrapperFor(Class<?> type) { return type.isInstance(this); }
}
