package dev.retort.command;

import dev.retort.db.VersionTable;
import dev.retort.dsl.op.Operation;
import dev.retort.exec.MigrationSink;
import dev.retort.graph.Direction;
import dev.retort.graph.Step;
import dev.retort.script.LoadedRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs planned steps into a sink. Every step's script is compiled and its operations recorded before the
 * first statement runs, so a script that does not compile, or a downgrade that cannot be derived, fails
 * with nothing applied.
 */
public final class MigrationRunner {
    private MigrationRunner() {}

    public static void run(Project project, List<Step> steps, MigrationSink sink, VersionTable versionTable, Consumer<String> progress) {
        // All at once, so a compiler can compile the cache misses together.
        List<LoadedRevision> revisions = project.loader().loadAll(steps.stream().map(s -> project.source(s.revision().id())).toList());
        List<List<Operation>> operations = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++)
            operations.add(steps.get(i).direction() == Direction.UPGRADE ? revisions.get(i).upgrade() : revisions.get(i).downgrade());
        sink.beginRun();
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                progress.accept(stepLine(step));
                sink.beginStep(step);
                for (Operation op : operations.get(i)) sink.apply(op);
                sink.versionChange(versionTable.changeStatements(step));
                sink.endStep(step);
            }
            sink.endRun();
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
    }

    /** {@code Running upgrade 1975ea83b712 -> 3f2a1c9d0b7e, add email}: Alembic's line, which scripts parse. */
    public static String stepLine(Step step) {
        return "Running " + (step.direction() == Direction.UPGRADE ? "upgrade " : "downgrade ") + step.arrow()
                + (step.revision().message().isEmpty() ? "" : ", " + step.revision().message());
    }
}
