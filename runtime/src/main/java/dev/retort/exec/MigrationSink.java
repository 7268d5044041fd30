package dev.retort.exec;

import dev.retort.dsl.op.Operation;
import dev.retort.graph.Step;
import java.util.List;

/**
 * Where a migration run goes: a live database or an offline SQL script. The runner calls
 * {@code beginRun}, then per step {@code beginStep}, {@code apply} for each operation, {@code versionChange},
 * {@code endStep}, and finally {@code endRun} (or {@code abort} when something failed).
 */
public interface MigrationSink {
    void beginRun();
    void beginStep(Step step);
    void apply(Operation operation);
    void versionChange(List<String> statements);
    void endStep(Step step);
    void endRun();
    void abort();
}
