package dev.retort.exec;

import dev.retort.dsl.dialect.Dialect;
import java.util.List;

/**
 * Where a migration run goes: a live database or an offline SQL script. The runner renders every step first,
 * then calls {@code beginRun}, per step {@code beginStep}, {@code statement} for each of its statements,
 * {@code versionChange}, {@code endStep}, and finally {@code endRun}, or {@code abort} when something failed.
 */
public interface MigrationSink {
    /** The dialect statements are rendered for. */
    Dialect dialect();
    void beginRun();
    void beginStep(StepPlan step);
    void statement(StepStatement statement);
    void versionChange(List<String> statements);
    void endStep(StepPlan step);
    void endRun();
    /** Undoes what the database can undo and records the failure; must not throw. */
    void abort(RuntimeException failure);
}
