package dev.retort.internal.command;

import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import dev.retort.internal.db.LauncherIdentity;
import dev.retort.internal.db.MigrationLock;
import dev.retort.internal.db.VersionTable;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.exec.SqlScriptSink;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.script.ScriptChecksum;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** {@code stamp REV…}: sets the version table to the given revisions without running any migration. */
public final class Stamp {
    private Stamp() {}

    /**
     * Stamps a live database in one transaction, under the migration lock; returns the rows it now holds. Each
     * revision the stamp marks as applied gets a {@code stamp} row in the history table with its script's checksum
     * (so {@code validate} checks it), each it marks as not applied a {@code stamp} row without one.
     */
    public static List<String> online(Project project, Database database, List<String> revisions, boolean purge, Consumer<String> waiting) {
        VersionTable versionTable = new VersionTable(database.dialect(), project.config().versionTable());
        HistoryTable history = new HistoryTable(database.dialect(), project.config().historyTable());
        try (MigrationLock lock = MigrationLock.forDatabase(database, project.config().versionTable())) {
            lock.acquire(project.config().lockTimeout(), waiting);
            try (Connection c = database.connection()) {
                versionTable.ensureExists(c);
                history.ensureExists(c);
                List<String> rows = versionTable.heads(c);
                if (!purge) project.checkKnown(rows);
                Project seen = stampView(project, rows, revisions);
                List<String> stampedInView = new Planner(seen.graph()).stamp(purge ? List.of() : seen.rows(), revisions, purge);
                // A stamp at the end of a squash's run leaves the database at the squash (Django's rule), so the row names it.
                List<String> after = project.atRows(stampedInView).rows();
                List<String> statements = new ArrayList<>();
                if (purge) statements.add(versionTable.purgeStatement());
                statements.addAll(versionTable.replaceStatements(purge ? List.of() : rows, after));
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) s.execute(sql);
                    recordHistory(seen, history, c, purge ? List.of() : seen.rows(), stampedInView);
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
    }

    /**
     * The graph a stamp is planned on: the one the database sees, unless a destination names a revision a squash replaces
     * there (stamping a database into the middle of a squashed run), which only the originals know.
     */
    static Project stampView(Project project, List<String> storedRows, List<String> destinations) {
        Project seen = project.atRows(storedRows);
        for (String d : destinations) {
            String id = d.contains(":") ? d.substring(d.indexOf(':') + 1) : d;
            if (seen.isReplaced(id)) return project.originalsAt(storedRows);
        }
        return seen;
    }

    private static void recordHistory(Project project, HistoryTable history, Connection c, List<String> before, List<String> after) throws SQLException {
        RevisionGraph graph = project.graph();
        Set<String> wasApplied = graph.appliedFrom(before.stream().filter(graph::contains).toList());
        Set<String> isApplied = graph.appliedFrom(after);
        String from = String.join(",", before), to = String.join(",", after);
        LauncherIdentity who = LauncherIdentity.current();
        Instant now = Instant.now();
        long id = history.nextId(c);
        for (String rev : graph.topologicalOrder()) {
            boolean in = isApplied.contains(rev);
            if (in == wasApplied.contains(rev)) continue;
            Path file = project.source(rev).file();
            history.insert(c, new HistoryRow(id++, rev, "stamp", from, to, MigrationRunner.scriptPath(project, file),
                    in ? ScriptChecksum.of(file) : null, now, now, 0L, who.osUser(), who.host(), true, 0, 0, null, null));
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
        List<String> typedFrom = from == null || from.isEmpty() || from.equals("base") ? List.of()
                : Arrays.stream(from.split(",")).map(String::strip).toList();
        Project seen = stampView(project, typedFrom, destinations);
        Planner planner = new Planner(seen.graph());
        List<String> rows = typedFrom.stream().flatMap(s -> planner.targets().revisions(seen.translate(s)).stream()).toList();
        List<String> after = project.atRows(planner.stamp(rows, destinations, purge)).rows();
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
