package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Runs a migration on a live connection where DDL is transactional, in the transactions its {@link TransactionPlan}
 * places: the whole run, or each step with {@code transactionPerMigration}. A step's version-table change and history
 * row share its transaction; a failure rolls it back, then records the failure on its own.
 */
final class TransactionalSink implements MigrationSink {
    private final Connection connection;
    private final Dialect dialect;
    private final TransactionPlan plan;
    private final StatementRunner runner;
    private final RunHistory history;
    private final LiveSchema liveSchema;

    private StepPlan current;
    private Instant started;
    private int stepsSinceCommit;
    private int stepsCommitted;
    private boolean autocommitRan;

    TransactionalSink(Connection connection, Dialect dialect, TransactionPlan plan, HistoryTable history) {
        if (plan.resumable()) throw new IllegalArgumentException("a transactional run needs transactional DDL");
        this.connection = connection;
        this.dialect = dialect;
        this.plan = plan;
        this.runner = new StatementRunner(connection, dialect);
        this.history = new RunHistory(history, connection);
        this.liveSchema = new LiveSchema(connection, dialect);
    }

    @Override public Dialect dialect() { return dialect; }

    /**
     * The live database as the steps before left it, followed through the next step's own operations as they are
     * rendered. A step is rendered whole before it runs (so statements are numbered, resumable, and an operation
     * that cannot be rendered fails before any statement of its step ran), which is why an operation that reads a
     * table (a SQLite rebuild after an {@code addColumn} in the same revision) needs the step's earlier operations
     * tracked rather than read back. Each table is read once, the first time the step needs it. What raw
     * {@code execute} SQL or a {@code connection { }} block does earlier in the same step is not seen; in an earlier
     * step it is.
     */
    @Override public OfflineSchema schemaForNextStep() { return new OfflineSchema(dialect.name(), liveSchema); }

    @Override public void beginRun() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DatabaseException("cannot start a transaction: " + e.getMessage(), e);
        }
    }

    @Override public void step(StepPlan step, List<String> versionChange) {
        current = step;
        started = Instant.now();
        TransactionPlan.StepTransactions transactions = plan.step(step.statements());
        for (TransactionPlan.Segment segment : transactions.segments()) {
            switch (segment.kind()) {
                case IN_TRANSACTION -> segment.statements().forEach(this::runInTransaction);
                case AUTOCOMMIT -> runAutocommit(segment.statements());
                case STATEMENT_BY_STATEMENT -> throw new IllegalStateException("a transactional run has no statement-by-statement segment");
            }
        }
        // Bookkeeping IN_TRANSACTION: after an autocommit segment the connection is back in a transaction.
        runner.versionChange(step, versionChange);
        try {
            history.table.insert(connection, history.row(history.nextId(), step, started, Instant.now(), true, step.statements().size(), null));
        } catch (SQLException e) {
            throw new DatabaseException("cannot write the history table " + history.table.name() + ": " + e.getMessage(), e);
        }
        if (plan.scope() == TransactionPlan.Scope.STEP) {
            commit();
            stepsCommitted++;
        } else {
            stepsSinceCommit++;
        }
        // Between steps nothing is running: a failure now (rendering the next step) is no failure of this one.
        current = null;
    }

    private void runInTransaction(StepStatement s) {
        try {
            runner.run(s);
        } catch (Exception e) {
            throw new DatabaseException(failure(s, e), e);
        }
    }

    /** Commits what ran so far, runs the statements in autocommit mode, then opens a new transaction. */
    private void runAutocommit(List<StepStatement> statements) {
        StepStatement s = statements.get(0);
        try {
            connection.commit();
            stepsCommitted += stepsSinceCommit;
            stepsSinceCommit = 0;
            autocommitRan = true;
            connection.setAutoCommit(true);
            try {
                for (StepStatement each : statements) {
                    s = each;
                    runner.run(each);
                }
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (Exception e) {
            throw new DatabaseException(failure(s, e), e);
        }
    }

    /** What the failure left: the rolled-back transaction, and what this run committed before it. */
    private String failure(StepStatement s, Exception e) {
        StringBuilder sb = new StringBuilder(StatementRunner.failedAt(current, s, e))
                .append("the transaction was rolled back, so nothing of revision ").append(current.revision()).append(" remains");
        if (stepsSinceCommit > 0) sb.append(", nor of the ").append(stepsSinceCommit).append(" revision(s) before it in this run");
        if (stepsCommitted > 0) sb.append("; ").append(stepsCommitted).append(" earlier revision(s) of this run were committed and stay applied");
        if (autocommitRan) sb.append("; autocommit statements (autocommit { } blocks, CREATE INDEX CONCURRENTLY) were committed as they ran");
        return sb.append(". Fix the script and run again.").toString();
    }

    @Override public void endRun() {
        if (plan.scope() == TransactionPlan.Scope.RUN) commit();
    }

    @Override public void abort(RuntimeException failure) {
        // The original failure is what the user needs; a failure to roll back or to record it must not hide it.
        try {
            connection.rollback();
            if (current == null) return;
            connection.setAutoCommit(true);
            history.table.insert(connection, history.row(history.nextId(), current, started, Instant.now(), false, 0, failure.getMessage()));
        } catch (SQLException | RuntimeException ignored) {
            // The connection is closed with the command anyway.
        }
    }

    private void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException("commit failed: " + e.getMessage(), e);
        }
    }
}
