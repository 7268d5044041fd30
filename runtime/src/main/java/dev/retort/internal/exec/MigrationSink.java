package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.internal.db.HistoryTable;
import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a migration run goes: a live database or an offline SQL script. The runner calls {@code beginRun}, then
 * per step: {@code schemaForNextStep} to render the step and {@code step} to run it; finally {@code endRun}, or
 * {@code abort} when something failed. Every sink places transactions as the run's {@link TransactionPlan} says.
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
    /** Runs a rendered step's statements, then its version-table change {@code versionChange}, and records it. */
    void step(StepPlan step, List<String> versionChange);
    void endRun();
    /** Undoes what the database can undo and records the failure; must not throw. */
    void abort(RuntimeException failure);

    /**
     * The sink for a live connection: one transactional run where DDL is transactional, else the resumable
     * statement-by-statement run. Notices (a resumed step) go to {@code notices}.
     */
    static MigrationSink live(Connection connection, Dialect dialect, boolean transactionPerMigration, HistoryTable history,
                              Consumer<String> notices) {
        TransactionPlan plan = TransactionPlan.of(dialect.capabilities(), transactionPerMigration);
        return plan.resumable() ? new ResumableSink(connection, dialect, plan, history, notices)
                : new TransactionalSink(connection, dialect, plan, history);
    }
}
