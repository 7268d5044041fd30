package dev.retort.command;

import dev.retort.db.VersionTable;
import dev.retort.exec.MigrationSink;
import dev.retort.exec.StepPlan;
import dev.retort.exec.StepStatement;
import dev.retort.graph.Direction;
import dev.retort.graph.Step;
import dev.retort.script.RevisionSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs planned steps into a sink. Every step's script is compiled, its operations recorded and rendered to
 * numbered statements before the first statement runs, so a script that does not compile, an operation the
 * dialect cannot render, or a downgrade that cannot be derived fails with nothing applied.
 */
public final class MigrationRunner {
    private MigrationRunner() {}

    public static void run(Project project, List<Step> steps, MigrationSink sink, VersionTable versionTable, Consumer<String> progress) {
        List<StepPlan> plans = new ArrayList<>(steps.size());
        for (Step step : steps) {
            RevisionSource source = project.source(step.revision().id());
            plans.add(StepPlan.render(step, project.loader().load(source), sink.dialect(), scriptPath(project, source.file())));
        }
        sink.beginRun();
        try {
            for (StepPlan plan : plans) {
                progress.accept(stepLine(plan.step()));
                sink.beginStep(plan);
                for (StepStatement s : plan.statements()) sink.statement(s);
                sink.versionChange(versionTable.changeStatements(plan.step()));
                sink.endStep(plan);
            }
            sink.endRun();
        } catch (RuntimeException e) {
            sink.abort(e);
            throw e;
        }
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
