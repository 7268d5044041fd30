package dev.retort.internal.command;

import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryTable;
import dev.retort.internal.db.MigrationLock;
import dev.retort.internal.db.VersionTable;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.internal.exec.MigrationSink;
import dev.retort.internal.exec.SqlScriptSink;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Step;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/** {@code upgrade} and {@code downgrade}, online against a database or offline as an SQL script. */
public final class Migrate {
    private Migrate() {}

    /**
     * Takes the migration lock, then reads the heads, plans and runs: planning happens under the lock, so a
     * launcher that waited sees what the previous one applied and has nothing left to do.
     */
    public static List<Step> online(Project project, Database database, Direction direction, String target, Consumer<String> progress) {
        return online(project, database, (seen, rows) -> {
            Planner planner = new Planner(seen.graph());
            return direction == Direction.UPGRADE ? planner.upgrade(rows, target) : planner.downgrade(rows, target);
        }, progress);
    }

    /**
     * As above, with the steps planned by the caller from the version-table rows read under the lock: the test kit
     * runs one revision up or down at a time, which no target expresses on a branched graph.
     */
    public static List<Step> online(Project project, Database database, Function<List<String>, List<Step>> plan, Consumer<String> progress) {
        return online(project, database, (seen, rows) -> plan.apply(rows), progress);
    }

    /** The plan gets the project as the database sees it (see {@link Project#atRows}) and the rows in that graph's terms. */
    private static List<Step> online(Project project, Database database, BiFunction<Project, List<String>, List<Step>> plan,
                                     Consumer<String> progress) {
        // Before the lock: an environment script that does not compile or run stops the command with nothing touched.
        project.environment();
        VersionTable versionTable = new VersionTable(database.dialect(), project.config().versionTable());
        HistoryTable history = new HistoryTable(database.dialect(), project.config().historyTable());
        try (MigrationLock lock = MigrationLock.forDatabase(database, project.config().versionTable())) {
            lock.acquire(project.config().lockTimeout(), progress);
            // Nothing to do is the common case (every deploy, every application start): decided on the lock's own
            // connection with one query, it costs no second connection, no catalog lookups and no script.
            Optional<List<String>> known = lock.session().flatMap(s -> versionTable.headsIfReadable(s.connection(), s.schema()));
            if (known.isPresent()) {
                project.checkKnown(known.get());
                Project seen = project.atRows(known.get());
                // A row still naming a squash's replaced revision is rewritten below, so that case takes the full path.
                if (plan.apply(seen, seen.rows()).isEmpty() && !seen.squashes().rowsChanged(known.get())) return List.of();
            }
            try (Connection c = database.connection()) {
                try (java.sql.Statement s = c.createStatement()) {
                    for (String sql : database.dialect().sessionStatements(c.getMetaData().getDatabaseMajorVersion())) s.execute(sql);
                }
                versionTable.ensureExists(c);
                history.ensureExists(c);
                List<String> stored = versionTable.heads(c);
                project.checkKnown(stored);
                Project seen = project.atRows(stored);
                recordSquashes(c, versionTable, stored, seen);
                List<Step> steps = plan.apply(seen, seen.rows());
                MigrationRunner.run(seen, steps, MigrationSink.live(c, database.dialect(), project.config().transactionPerMigration(), history, progress),
                        versionTable, progress);
                // A database that just went past the end of a squash's run now counts as at the squash, as Django records it.
                List<String> after = steps.isEmpty() ? seen.rows() : steps.get(steps.size() - 1).headsAfter();
                recordSquashes(c, versionTable, after, project.atRows(after));
                return steps;
            } catch (SQLException e) {
                throw new DatabaseException("cannot read or create the tables " + versionTable.name() + " and " + history.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Rewrites version rows that name a squash's replaced revision when the squash stands for the database's state (its
     * whole run is applied): the row names the squash from then on, so a later step's row update finds it.
     */
    public static void recordSquashes(Connection c, VersionTable versionTable, List<String> stored, Project seen) throws SQLException {
        if (!seen.squashes().rowsChanged(stored)) return;
        boolean autocommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (java.sql.Statement s = c.createStatement()) {
            for (String sql : versionTable.replaceStatements(stored, seen.rows())) s.execute(sql);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autocommit);
        }
    }

    /**
     * Tells the offline sink what the revisions up to the starting point built, so that dialects which need a
     * table's current definition (SQLite rebuilds, MySQL MODIFY) can render a script that starts above base.
     */
    private static void assumeApplied(Project project, Planner planner, List<String> start, SqlScriptSink sink) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (String head : start)
            for (Step step : planner.upgrade(List.of(), head)) seen.add(step.revision().id());
        // One batch, so Kotlin cache misses compile in a single compiler session.
        project.loader().loadAll(seen.stream().map(project::source).toList())
                .forEach(loaded -> sink.assumeApplied(loaded.upgrade()));
    }

    /**
     * Offline: {@code TARGET} runs from base (upgrade) or from the heads (downgrade); {@code FROM:TO} names
     * the starting revision(s) explicitly, comma-separated for several heads.
     */
    public static List<Step> offline(Project project, Dialect dialect, Direction direction, String target, PrintStream out) {
        VersionTable versionTable = new VersionTable(dialect, project.config().versionTable());
        List<String> start;
        String to = target;
        int colon = target.indexOf(':');
        Project seen = project;
        if (colon >= 0) {
            String from = target.substring(0, colon);
            to = target.substring(colon + 1);
            List<String> typed = Arrays.stream(from.split(",")).map(String::strip).toList();
            // A start inside a squash's run is planned on the originals, as for a database there.
            seen = project.atRows(typed);
            Project seenFrom = seen;
            start = from.isEmpty() || from.equals("base") ? List.of()
                    : from.equals("head") || from.equals("heads") ? seen.graph().heads()
                    : typed.stream().map(s -> seenFrom.graph().resolve(s).id()).toList();
        } else if (direction == Direction.UPGRADE) {
            start = List.of();
        } else {
            throw new dev.retort.internal.graph.GraphException("downgrade --sql needs the starting point: write FROM:TO, e.g. head:base "
                    + "(offline there is no database to read the current revision from)");
        }
        Planner planner = new Planner(seen.graph());
        List<String> resolvedStart = start;
        List<Step> steps = direction == Direction.UPGRADE ? planner.upgrade(resolvedStart, to) : planner.downgrade(resolvedStart, to);
        List<String> preamble = direction == Direction.UPGRADE && resolvedStart.isEmpty() ? versionTable.createStatements() : List.of();
        SqlScriptSink sink = new SqlScriptSink(out, dialect, project.config().transactionPerMigration(), preamble);
        assumeApplied(seen, planner, resolvedStart, sink);
        MigrationRunner.run(seen, steps, sink, versionTable, line -> {});
        return steps;
    }
}
