package dev.retort.command;

import dev.retort.db.Database;
import dev.retort.db.DatabaseException;
import dev.retort.db.VersionTable;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.exec.SqlScriptSink;
import dev.retort.graph.GraphException;
import dev.retort.graph.Planner;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code stamp REV…}: sets the version table to the given revisions without running any migration. */
public final class Stamp {
    private Stamp() {}

    /** Stamps a live database in one transaction; returns the rows it now holds. */
    public static List<String> online(Project project, Database database, List<String> revisions, boolean purge) {
        VersionTable versionTable = new VersionTable(database.dialect(), project.config().versionTable());
        try (Connection c = database.connection()) {
            versionTable.ensureExists(c);
            List<String> rows = versionTable.heads(c);
            List<String> after = new Planner(project.graph()).stamp(rows, revisions, purge);
            List<String> statements = new ArrayList<>();
            if (purge) statements.add(versionTable.purgeStatement());
            statements.addAll(versionTable.replaceStatements(purge ? List.of() : rows, after));
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) s.execute(sql);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            return after;
        } catch (SQLException e) {
            throw new DatabaseException("cannot stamp the version table " + versionTable.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Prints the stamp as SQL. Each revision may be written {@code FROM:TO}; FROM (one starting point, comma-separated
     * for several rows) is what the table holds before, none meaning an empty or missing table.
     */
    public static void offline(Project project, Dialect dialect, List<String> revisions, boolean purge, PrintStream out) {
        VersionTable versionTable = new VersionTable(dialect, project.config().versionTable());
        String from = null;
        List<String> destinations = new ArrayList<>();
        for (String r : revisions) {
            int colon = r.indexOf(':');
            if (colon >= 0) {
                String start = r.substring(0, colon);
                if (from != null && !from.equals(start))
                    throw new GraphException("Stamp with --sql supports a single starting revision at a time; got " + from + " and " + start);
                from = start;
                r = r.substring(colon + 1);
            }
            destinations.add(r);
        }
        Planner planner = new Planner(project.graph());
        List<String> rows = from == null || from.isEmpty() || from.equals("base") ? List.of()
                : Arrays.stream(from.split(",")).flatMap(s -> planner.targets().revisions(s.strip()).stream()).toList();
        List<String> after = planner.stamp(rows, destinations, purge);
        List<String> statements = new ArrayList<>();
        if (purge) statements.add(versionTable.purgeStatement());
        statements.addAll(versionTable.replaceStatements(purge ? List.of() : rows, after));
        SqlScriptSink sink = new SqlScriptSink(out, dialect, project.config().transactionPerMigration(),
                rows.isEmpty() ? versionTable.createStatements() : List.of());
        sink.beginRun();
        sink.versionChange(statements);
        sink.endRun();
    }
}
