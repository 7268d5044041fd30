package dev.retort.internal.fleet;

import dev.retort.internal.command.MigrationRunner;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.command.Project;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.LockTimeoutException;
import dev.retort.internal.db.VersionTable;
import dev.retort.internal.fleet.TargetResult.Outcome;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Upgrades every target of a fleet to one revision: the project's revisions compile once, then each target runs its
 * own plan on its own connection under its own lock, at most {@code parallel} at a time. A canary group (the first
 * targets) runs first and stops the fleet if one of them does not reach the revision; otherwise a failing target stops
 * only itself, unless {@code failFast}.
 */
public final class FleetUpgrade {
    /** The step line {@link MigrationRunner#stepLine} prints; the fleet reads which revision each target is running. */
    private static final String STEP_LINE = "Running upgrade ";

    /**
     * @param parallel targets migrated at once (1 or more)
     * @param canary   targets at the head of the list that run first, as a group (0 for none)
     * @param failFast start no further target once one did not reach the revision
     */
    public record Options(int parallel, int canary, boolean failFast) {
        public Options {
            if (parallel < 1) throw new IllegalArgumentException("--parallel must be 1 or more, not " + parallel);
            if (canary < 0) throw new IllegalArgumentException("--canary must be 0 or more, not " + canary);
        }
    }

    private final Project project;
    private final Function<FleetTarget, Database> connect;
    private final Options options;
    private final BiConsumer<FleetTarget, String> progress;
    private final Consumer<TargetResult> finished;

    /**
     * @param progress each target's step lines and notices (waiting for its lock, resuming), as they happen
     * @param finished each target's result as it ends (skipped targets at the end), from the worker threads
     */
    public FleetUpgrade(Project project, Function<FleetTarget, Database> connect, Options options,
                        BiConsumer<FleetTarget, String> progress, Consumer<TargetResult> finished) {
        this.project = project;
        this.connect = connect;
        this.options = options;
        this.progress = progress;
        this.finished = finished;
    }

    /** The results in the targets' order. */
    public List<TargetResult> run(String revision, List<FleetTarget> targets) {
        compileOnce(revision);
        int canaries = Math.min(options.canary(), targets.size());
        List<TargetResult> results = new ArrayList<>(BoundedPool.run(targets.subList(0, canaries), options.parallel(),
                t -> upgrade(t, revision), r -> !r.reachedTarget()));
        String stopped = firstMiss(results).map(r -> "canary " + r.target().name() + " did not reach " + revision).orElse(null);
        if (stopped == null) {
            results.addAll(BoundedPool.run(targets.subList(canaries, targets.size()), options.parallel(),
                    t -> upgrade(t, revision), r -> options.failFast() && !r.reachedTarget()));
            if (options.failFast())
                stopped = firstMiss(results).map(r -> "--fail-fast stopped the fleet after " + r.target().name() + " did not reach " + revision).orElse(null);
        } else {
            results.addAll(Collections.nCopies(targets.size() - canaries, null));
        }
        for (int i = 0; i < results.size(); i++)
            if (results.get(i) == null) {
                TargetResult skipped = new TargetResult(targets.get(i), Outcome.SKIPPED, 0, null, "not run: " + stopped, null);
                results.set(i, skipped);
                finished.accept(skipped);
            }
        return results;
    }

    private static java.util.Optional<TargetResult> firstMiss(List<TargetResult> results) {
        return results.stream().filter(r -> r != null && !r.reachedTarget()).findFirst();
    }

    /**
     * Loads (compiles, or reads from the compile cache) and records every revision on the way from base to the
     * target before any target runs, so no target compiles anything and a script that does not compile stops the
     * fleet with nothing applied anywhere. A relative target ({@code +2}) depends on where each target is: its
     * revisions load as the targets reach them, still once each.
     */
    private void compileOnce(String revision) {
        List<Step> fromBase;
        try {
            fromBase = new Planner(project.graph()).upgrade(List.of(), revision);
        } catch (GraphException e) {
            if (revision.matches(".*[+-]\\d+")) return;
            throw e;
        }
        project.loader().loadAll(fromBase.stream().map(s -> project.source(s.revision().id())).toList());
    }

    private TargetResult upgrade(FleetTarget target, String revision) {
        List<String> started = new ArrayList<>();
        Consumer<String> lines = line -> {
            if (line.startsWith(STEP_LINE)) started.add(revisionOf(line));
            progress.accept(target, line);
        };
        TargetResult result;
        try (Database db = connect.apply(target)) {
            result = upgrade(target, revision, db, lines, started);
        } catch (RuntimeException e) {
            // Connecting (or closing) failed: nothing ran.
            result = new TargetResult(target, Outcome.FAILED, 0, null, target.redact(message(e)), null);
        }
        finished.accept(result);
        return result;
    }

    private TargetResult upgrade(FleetTarget target, String revision, Database db, Consumer<String> lines, List<String> started) {
        try {
            List<Step> steps = Migrate.online(project, db, Direction.UPGRADE, revision, lines);
            return new TargetResult(target, steps.isEmpty() ? Outcome.ALREADY_AT_TARGET : Outcome.APPLIED, steps.size(), null, null, rows(db));
        } catch (LockTimeoutException e) {
            return new TargetResult(target, Outcome.LOCKED, 0, null, target.redact(e.holder()), rows(db));
        } catch (RuntimeException e) {
            List<String> current = rows(db);
            String failedAt = started.isEmpty() ? null : started.get(started.size() - 1);
            // What stayed applied: the steps before the failing one that the version table now covers (all of them with
            // transaction_per_migration or without transactional DDL, none when one transaction rolled back).
            // In the originals' terms, where the steps that ran are named (a run may have gone through a squash's originals).
            Set<String> applied = current == null ? Set.of() : project.originalsAt(current).graph().appliedFrom(project.originalsAt(current).rows());
            int kept = (int) started.stream().limit(Math.max(0, started.size() - 1)).filter(applied::contains).count();
            return new TargetResult(target, Outcome.FAILED, kept, failedAt, target.redact(message(e)), current);
        }
    }

    /** The version-table rows, or null when they cannot be read (the report then says less, not something wrong). */
    private List<String> rows(Database db) {
        try (Connection c = db.connection()) {
            return new VersionTable(db.dialect(), project.config().versionTable()).heads(c);
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    /** {@code Running upgrade a, b -> c, message} → {@code c}. */
    static String revisionOf(String stepLine) {
        String after = stepLine.substring(stepLine.indexOf("-> ") + 3);
        int comma = after.indexOf(',');
        return (comma < 0 ? after : after.substring(0, comma)).strip();
    }

    static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
