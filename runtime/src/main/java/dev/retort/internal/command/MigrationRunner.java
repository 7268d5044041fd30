package dev.retort.internal.command;

import dev.retort.dsl.env.MigrationStep;
import dev.retort.dsl.env.StepOutcome;
import dev.retort.internal.db.VersionTable;
import dev.retort.internal.exec.IgnoredOptions;
import dev.retort.internal.exec.MigrationSink;
import dev.retort.internal.exec.StepPlan;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.Environment;
import dev.retort.internal.script.LoadedRevision;
import dev.retort.internal.script.RevisionSource;
import dev.retort.internal.script.ScriptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs planned steps into a sink. Every step's script is compiled and its operations recorded (a derived downgrade
 * inverted) before the first statement runs, so a script that does not compile or a downgrade that cannot be
 * derived fails with nothing applied. Each step is rendered to numbered statements just before it runs, against
 * the tables as the steps before it left them (see {@link MigrationSink#schemaForNextStep()}), so an operation the
 * dialect cannot render fails before any statement of its step ran. The environment script's {@code beforeEach},
 * {@code afterEach} and {@code onFailure} hooks run around each step, online and offline.
 */
public final class MigrationRunner {
    private MigrationRunner() {}

    /** A step whose script is compiled and whose operations are known. */
    private record Loaded(Step step, LoadedRevision revision, List<LoadedRevision.Located> operations, String script) {}

    public static void run(Project project, List<Step> steps, MigrationSink sink, VersionTable versionTable, Consumer<String> progress) {
        Environment env = project.environment();
        // All at once, so a compiler can compile the cache misses together (one Kotlin compiler session).
        List<LoadedRevision> revisions = project.loader().loadAll(steps.stream().map(s -> project.source(s.revision().id())).toList());
        List<Loaded> loaded = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            LoadedRevision revision = revisions.get(i);
            loaded.add(new Loaded(step, revision, step.direction() == Direction.UPGRADE ? revision.locatedUpgrade() : revision.locatedDowngrade(),
                    scriptPath(project, project.source(step.revision().id()).file())));
        }
        for (Loaded l : loaded) requireConventionNamesFit(l, sink.dialect());
        // Once per run, on the warnings path: what the database ignores (notValid where constraints are checked as added).
        IgnoredOptions.notes(sink.dialect(), loaded.stream().flatMap(l -> l.operations().stream().map(LoadedRevision.Located::operation)).toList())
                .forEach(note -> progress.accept("warning: " + note));
        sink.beginRun();
        // The step that is running; a failure outside one (a hook of the environment script, the final commit) is not a step's.
        MigrationStep running = null;
        try {
            for (Loaded l : loaded) {
                progress.accept(stepLine(l.step()));
                MigrationStep step = hookView(l);
                env.beforeEach(step);
                running = step;
                long started = System.nanoTime();
                StepPlan plan = StepPlan.render(l.step(), l.revision(), l.operations(), sink.dialect(), sink.schemaForNextStep(), l.script());
                sink.step(plan, versionTable.changeStatements(plan.step()));
                running = null;
                env.afterEach(step, new StepOutcome(plan.statements().size(), Duration.ofNanos(System.nanoTime() - started)));
            }
            sink.endRun();
        } catch (RuntimeException e) {
            sink.abort(e);
            // After the rollback, so a hook that reports the failure sees the database as the run leaves it.
            if (running != null)
                for (RuntimeException hookFailure : env.onFailure(running, e)) {
                    progress.accept("warning: " + hookFailure.getMessage());
                    e.addSuppressed(hookFailure);
                }
            throw e;
        }
    }

    /**
     * A name the naming convention made must fit the database as it is: PostgreSQL would silently cut it to 63 characters,
     * and a later {@code dropConstraint} by the full name would then not find it. Cutting it here instead (SQLAlchemy
     * truncates and appends a hash) would give it a different name on each database, which the convention is there to avoid.
     */
    private static void requireConventionNamesFit(Loaded l, dev.retort.dsl.dialect.Dialect dialect) {
        int max = dialect.capabilities().maxIdentifierLength();
        if (max <= 0) return;
        l.revision().conventionNames().forEach((name, line) -> {
            if (name.length() > max)
                throw new ScriptException(l.revision().source().file(), line, "the naming convention names a constraint or index '"
                        + name + "', " + name.length() + " characters, and " + dialect.name() + " allows " + max
                        + "; shorten the naming_convention template in retort.ini, or give this one a name in the revision");
        });
    }

    /** A step as the environment script's hooks see it. */
    private static MigrationStep hookView(Loaded l) {
        return new MigrationStep(l.step().revision().id(), l.step().direction() == Direction.UPGRADE ? MigrationStep.UPGRADE : MigrationStep.DOWNGRADE,
                l.step().revision().message(), Path.of(l.script()));
    }

    /** The script's path relative to the configuration's folder, as messages and the history table show it. */
    public static String scriptPath(Project project, Path file) {
        Path here = project.config().here();
        Path absolute = file.toAbsolutePath().normalize();
        return (here != null && absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /** {@code Running upgrade 1975ea83b712 -> 3f2a1c9d0b7e, add email}: Alembic's line, which scripts parse. */
    public static String stepLine(Step step) {
        return "Running " + (step.direction() == Direction.UPGRADE ? "upgrade " : "downgrade ") + step.arrow()
                + (step.revision().message().isEmpty() ? "" : ", " + step.revision().message());
    }
}
