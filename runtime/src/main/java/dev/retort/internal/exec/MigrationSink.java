package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import java.util.List;

/**
 * Where a migration run goes: a live database or an offline SQL script. The runner calls {@code beginRun}, then
 * per step: {@code schemaForNextStep} to render the step, {@code beginStep}, {@code statement} for each of its
 * statements, {@code versionChange}, {@code endStep}; finally {@code endRun}, or {@code abort} when something failed.
 */
public interface MigrationSink {
    /** The dialect statements are rendered for. */
    Dialect dialect();

    /**
     * The tables as the next step finds them, for dialects that need a table's definition to render (SQLite
     * rebuilds, MySQL {@code MODIFY}); the step's operations are recorded into it as they are rendered.
     */
    OfflineSchema schemaForNextStep();

    void beginRun();
    void beginStep(StepPlan step);
    void statement(StepStatement statement);
    void versionChange(List<String> statements);
    void endStep(StepPlan step);
    void endRun();
    /** Undoes what the database can undo and records the failure; must not throw. */
    void abort(RuntimeException failure);
}
