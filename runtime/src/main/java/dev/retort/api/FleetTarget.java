package dev.retort.api;

import javax.sql.DataSource;

/**
 * One database or schema of a fleet, for {@link Retort#fleet(java.util.List)}: a name and either a JDBC URL (connected
 * with the configuration's user, password and pool settings) or a data source the application owns.
 */
public record FleetTarget(String name, String url, DataSource dataSource) {
    public FleetTarget {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a fleet target needs a name");
        if ((url == null) == (dataSource == null))
            throw new IllegalArgumentException("fleet target " + name + " needs either a JDBC URL or a data source");
    }

    public static FleetTarget of(String name, String jdbcUrl) { return new FleetTarget(name, jdbcUrl, null); }

    public static FleetTarget of(String name, DataSource dataSource) { return new FleetTarget(name, null, dataSource); }

    /** Never shows a password. */
    @Override public String toString() {
        return "FleetTarget[" + name + ", " + (url != null ? dev.retort.internal.db.Database.safeUrl(url) : "data source") + "]";
    }
}
