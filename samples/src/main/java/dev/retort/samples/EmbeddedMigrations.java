package dev.retort.samples;

import dev.retort.api.Retort;
import dev.retort.api.RetortException;
import dev.retort.api.StepResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An application that migrates its own database at start-up, as Flyway users do: the revisions ship inside
 * the application's jar under db/versions, and Retort runs them against the application's DataSource.
 * Run: {@code java -cp "samples/target/retort-samples.jar:cli/target/lib/*" dev.retort.samples.EmbeddedMigrations [JDBC-URL]}
 */
public final class EmbeddedMigrations {
    public static void main(String[] args) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(args.length > 0 ? args[0] : "jdbc:h2:file:./.retort/embedded-app");
        dataSource.setUser("sa");

        try (Retort retort = Retort.configure()
                .dataSource(dataSource)
                .versionLocations("classpath:db/versions")
                .progress(System.out::println)
                .load()) {
            List<StepResult> applied = retort.upgrade("head");
            System.out.println(applied.isEmpty() ? "Database already at head" : "Applied " + applied.size() + " revision(s)");
            System.out.println("Current: " + retort.current().get(0).id());
        } catch (RetortException e) {
            System.err.println("Migration failed: " + e.getMessage());
            System.exit(1);
        }

        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM pedidos")) {
            rs.next();
            System.out.println("pedidos has " + rs.getInt(1) + " row(s); the application can start");
        }
    }
}
