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
import java.util.function.Function;

/** {@code upgrade} and {@code downgrade}, online against a database or offline as an SQL script. */
public final class Migrate {
    private Migrate() {}

    /**
     * Takes the migration lock, then reads the heads, plans and runs: planning happens under the lock, so a
     * launcher that waited sees what the previous one applied and has nothing left to do.
     */
    public static List<Step> online(Project project, Database database, Direction direction, String target, Consumer<String> progress) {
        Planner planner = new Planner(project.graph());
        return online(project, database,
                heads -> direction == Direction.UPGRADE ? planner.upgrade(heads, target) : planner.downgrade(heads, target), progress);
    }

    /**
     * As above, with the steps planned by the caller from the version-table rows read under the lock: the test kit
     * runs one revision up or down at a time, which no target expresses on a branched graph.
     */
    public static List<Step> online(Project project, Database database, Function<List<String>, List<Step>> plan, Consumer<String> progress) {
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
                if (plan.apply(known.get()).isEmpty()) return List.of();
            }
            try (Connection c = database.connection()) {
                try (java.sql.Statement s = c.createStatement()) {
                    for (String sql : database.dialect().sessionStatements(c.getMetaData().getDatabaseMajorVersion())) s.execute(sql);
                }
                versionTable.ensureExists(c);
                history.ensureExists(c);
                List<String> heads = versionTable.heads(c);
                project.checkKnown(heads);
                List<Step> steps = plan.apply(heads);
                MigrationRunner.run(project, steps, MigrationSink.live(c, database.dialect(), project.config().transactionPerMigration(), history, progress),
                        versionTable, progress);
                return steps;
            } catch (SQLException e) {
                throw new DatabaseException("cannot read or create the tables " + versionTable.name() + " and " + history.name() + ": " + e.getMessage(), e);
            }
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
        if (colon >= 0) {
            String from = target.substring(0, colon);
            to = target.substring(colon + 1);
            start = from.isEmpty() || from.equals("base") ? List.of()
                    : from.equals("head") || from.equals("heads") ? project.graph().heads()
                    : Arrays.stream(from.split(",")).map(s -> project.graph().resolve(s.trim()).id()).toList();
        } else if (direction == Direction.UPGRADE) {
            start = List.of();
        } else {
            throw new dev.retort.internal.graph.GraphException("downgrade --sql needs the starting point: write FROM:TO, e.g. head:base "
                    + "(offline there is no database to read the current revision from)");
        }
        Planner planner = new Planner(project.graph());
        List<String> resolvedStart = start;
        List<Step> steps = direction == Direction.UPGRADE ? planner.upgrade(resolvedStart, to) : planner.downgrade(resolvedStart, to);
        List<String> preamble = direction == Direction.UPGRADE && resolvedStart.isEmpty() ? versionTable.createStatements() : List.of();
        SqlScriptSink sink = new SqlScriptSink(out, dialect, project.config().transactionPerMigration(), preamble);
        assumeApplied(project, planner, resolvedStart, sink);
        MigrationRunner.run(project, steps, sink, versionTable, line -> {});
        return steps;
    }
}
