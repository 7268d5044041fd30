package dev.retort.internal.testkit;

import dev.retort.dsl.schema.SchemaModel;
import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.command.MigrationRunner;
import dev.retort.internal.command.Project;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.MigrationLock;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.ScriptException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's revisions run on a scratch database the way the checks need them: all the way up in one run, or one
 * revision up or down at a time (with the version table kept exactly as a normal run keeps it); and the schema read
 * back between steps, without Retort's own tables.
 */
final class SteppedMigration {
    /** A step that failed: which revision, which way, and the error the run reported. */
    static final class StepFailed extends RuntimeException {
        final String revision;
        final Direction direction;

        StepFailed(String revision, Direction direction, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.revision = revision;
            this.direction = direction;
        }
    }

    private final Project project;
    private final ScratchDatabase scratch;
    private final SchemaReflector reflector;
    private final Set<String> ownTables;

    SteppedMigration(Project project, ScratchDatabase scratch) {
        this.project = project;
        this.scratch = scratch;
        this.reflector = SchemaReflector.forDialect(scratch.database().dialect());
        String versionTable = project.config().versionTable();
        this.ownTables = Set.of(versionTable, project.config().historyTable(), MigrationLock.lockTable(versionTable));
    }

    Project project() { return project; }
    Database database() { return scratch.database(); }
    SchemaReflector reflector() { return reflector; }
    RevisionGraph graph() { return project.graph(); }

    /** Every revision, parents before children: the order in which the walks take them. */
    List<String> upgradeOrder() { return project.graph().topologicalOrder(); }

    /** {@code upgrade heads} from an empty database in one run, as a deploy does; a failure names the revision that was running. */
    List<Step> upgradeToHeads() {
        Planner planner = new Planner(project.graph());
        Map<String, String> revisionByLine = new HashMap<>();
        String[] running = {null};
        try {
            return Migrate.online(project, database(), heads -> {
                List<Step> steps = planner.upgrade(heads, "heads");
                steps.forEach(s -> revisionByLine.put(MigrationRunner.stepLine(s), s.revision().id()));
                return steps;
            }, line -> running[0] = revisionByLine.getOrDefault(line, running[0]));
        } catch (RuntimeException e) {
            throw new StepFailed(running[0] != null ? running[0] : revisionOf(e), Direction.UPGRADE, e);
        }
    }

    /** Runs exactly this revision up; its parents and dependencies are applied already. */
    void upgrade(String id) {
        run(id, Direction.UPGRADE, rows -> {
            Set<String> applied = new LinkedHashSet<>(graph().appliedFrom(rows));
            applied.add(id);
            return graph().headsOf(applied);
        });
    }

    /** Runs exactly this revision down; nothing above it is applied. Other branches stay as they are. */
    void downgrade(String id) {
        run(id, Direction.DOWNGRADE, rows -> {
            Set<String> applied = new LinkedHashSet<>(graph().appliedFrom(rows));
            applied.remove(id);
            return graph().headsOf(applied);
        });
    }

    private void run(String id, Direction direction, java.util.function.Function<List<String>, List<String>> rowsAfter) {
        try {
            Migrate.online(project, database(), rows -> List.of(new Step(graph().get(id), direction, rows, rowsAfter.apply(rows))), line -> {});
        } catch (RuntimeException e) {
            throw new StepFailed(id, direction, e);
        }
    }

    /** The tables of the scratch database now, Retort's own left out. */
    SchemaModel schema() {
        try (Connection c = database().connection()) {
            return reflector.reflect(c, ownTables);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the scratch database's schema: " + e.getMessage(), e);
        }
    }

    /** {@code 3f2a1c9d0b7e (versions/…_x.groovy)}: a revision as the reports name it. */
    String describe(String id) {
        if (id == null || !project.graph().contains(id)) return String.valueOf(id);
        return id + " (" + MigrationRunner.scriptPath(project, project.source(id).file()) + ")";
    }

    /** The revision whose script a failure names (a script that does not compile fails before any step runs). */
    private String revisionOf(RuntimeException e) {
        if (!(e instanceof ScriptException se) || se.file() == null) return null;
        Path file = se.file().toAbsolutePath().normalize();
        return upgradeOrder().stream().filter(id -> project.source(id).file().toAbsolutePath().normalize().equals(file)).findFirst().orElse(null);
    }
}
