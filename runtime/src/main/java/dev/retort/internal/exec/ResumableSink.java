package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a migration on a live connection where DDL commits by itself (MySQL, MariaDB, Oracle): statement by statement,
 * each one's completion recorded in the step's history row together with a digest of the statements so far. A rerun
 * resumes after the last applied statement when the script still renders those statements identically, and refuses
 * otherwise: the database is never left in a partial state that nobody was told about.
 */
final class ResumableSink implements MigrationSink {
    private final Connection connection;
    private final Dialect dialect;
    private final TransactionPlan plan;
    private final StatementRunner runner;
    private final RunHistory history;
    private final Consumer<String> notices;
    private final LiveSchema liveSchema;

    private StepPlan current;
    private Instant started;
    private long historyId = -1;

    ResumableSink(Connection connection, Dialect dialect, TransactionPlan plan, HistoryTable history, Consumer<String> notices) {
        if (!plan.resumable()) throw new IllegalArgumentException("a resumable run is for DDL that commits by itself");
        this.connection = connection;
        this.dialect = dialect;
        this.plan = plan;
        this.runner = new StatementRunner(connection, dialect);
        this.history = new RunHistory(history, connection);
        this.notices = notices;
        this.liveSchema = new LiveSchema(connection, dialect);
    }

    @Override public Dialect dialect() { return dialect; }

    /** As {@link TransactionalSink#schemaForNextStep()}. */
    @Override public OfflineSchema schemaForNextStep() { return new OfflineSchema(dialect.name(), liveSchema); }

    @Override public void beginRun() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new DatabaseException("cannot start a transaction: " + e.getMessage(), e);
        }
    }

    @Override public void step(StepPlan step, List<String> versionChange) {
        current = step;
        started = Instant.now();
        historyId = -1;
        int resumeAfter;
        // Bookkeeping PROGRESS_ROW: the row is written first and follows each statement.
        try {
            resumeAfter = resumePoint(step);
            historyId = history.nextId();
            history.table.insert(connection, history.row(historyId, step, started, null, false, resumeAfter, null));
        } catch (SQLException e) {
            throw new DatabaseException("cannot write the history table " + history.table.name() + ": " + e.getMessage(), e);
        }
        for (TransactionPlan.Segment segment : plan.step(step.statements()).segments()) {
            switch (segment.kind()) {
                case STATEMENT_BY_STATEMENT -> {
                    for (StepStatement s : segment.statements()) if (s.number() > resumeAfter) runRecorded(s);
                }
                case IN_TRANSACTION, AUTOCOMMIT -> throw new IllegalStateException("a resumable run has no transaction segments");
            }
        }
        runner.versionChange(step, versionChange);
        Instant finished = Instant.now();
        try {
            history.table.finish(connection, historyId, finished, Duration.between(started, finished).toMillis(), true, null);
        } catch (SQLException e) {
            throw new DatabaseException("cannot write the history table " + history.table.name() + ": " + e.getMessage(), e);
        }
        // Between steps nothing is running: a failure now (rendering the next step) is no failure of this one.
        current = null;
        historyId = -1;
    }

    /** How many statements of the step a failed earlier run left in the database, checked against the script. */
    private int resumePoint(StepPlan step) throws SQLException {
        Optional<HistoryRow> last = history.table.latest(connection, step.revision(), RunHistory.direction(step.step()));
        if (last.isEmpty() || last.get().success() || last.get().statementsApplied() == 0) return 0;
        HistoryRow failed = last.get();
        int k = failed.statementsApplied();
        int total = step.statements().size();
        if (k <= total && step.prefixDigests().get(k).equals(failed.appliedDigest())) {
            notices.accept("Resuming revision " + step.revision() + " at statement " + (k + 1) + " of " + total + ": "
                    + applied(k) + " by the run that failed at " + failed.startedAt() + " (history row " + failed.id() + ")");
            return k;
        }
        throw new DatabaseException("revision " + step.revision() + " failed in an earlier run (history row " + failed.id()
                + ") after " + applied(k) + ", and " + step.script() + " no longer renders " + (k == 1 ? "that statement" : "those " + k + " statements")
                + " the same way, so Retort cannot tell what the database holds. Restore them in the script and run again; or undo them "
                + "by hand and then record that nothing remains: UPDATE " + history.table.name() + " SET statements_applied = 0 WHERE id = " + failed.id(), null);
    }

    /** Runs the statement and records it as applied, both in one transaction when the plan says they commit together. */
    private void runRecorded(StepStatement s) {
        boolean together = TransactionPlan.commitsWithItsRecord(s);
        try {
            if (together) connection.setAutoCommit(false);
            try {
                runner.run(s);
            } catch (Exception e) {
                if (together) connection.rollback();
                throw new DatabaseException(failure(s, e), e);
            }
            try {
                history.table.progress(connection, historyId, s.number(), current.prefixDigests().get(s.number()));
                if (together) connection.commit();
            } catch (SQLException e) {
                if (together) connection.rollback();
                throw new DatabaseException("statement " + s.number() + " of revision " + current.revision()
                        + (together ? " was rolled back because recording it in " : " was applied, but recording that in ")
                        + history.table.name() + " failed: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new DatabaseException("revision " + current.revision() + ", statement " + s.number() + ": " + e.getMessage(), e);
        } finally {
            if (together) restoreAutocommit();
        }
    }

    private void restoreAutocommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The connection is unusable; the next statement or the close reports it.
        }
    }

    /** What the failure left: the statements before it, which a rerun of the fixed script skips. */
    private String failure(StepStatement s, Exception e) {
        int k = s.number() - 1;
        return StatementRunner.failedAt(current, s, e) + (k == 0 ? "no statement of it was applied. Fix the script and run again."
                : applied(k) + ". Fix the script and run again: Retort resumes at statement " + (k + 1) + " as long as "
                + (k == 1 ? "statement 1 stays" : "statements 1–" + k + " stay") + " as they are.");
    }

    private static String applied(int k) {
        return k == 1 ? "statement 1 was applied" : "statements 1–" + k + " were applied";
    }

    @Override public void endRun() {}

    @Override public void abort(RuntimeException failure) {
        // The original failure is what the user needs; a failure to record it must not hide it.
        try {
            if (historyId < 0) return;
            Instant now = Instant.now();
            history.table.finish(connection, historyId, now, Duration.between(started, now).toMillis(), false, failure.getMessage());
        } catch (SQLException | RuntimeException ignored) {
            // The connection is closed with the command anyway.
        }
    }
}
