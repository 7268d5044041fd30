package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a migration on a live connection where DDL is transactional, in the transactions its {@link TransactionPlan}
 * places: the whole run, or each step with {@code transactionPerMigration}. A step's version-table change and history
 * row share its transaction; a failure rolls it back, then records the failure on its own.
 * <p>Where the dialect has {@code statementBatches}, a step's SQL statements and its version-table change go to the
 * database as one batch, one round trip. The step's history row, whose finishing time is known only once that batch
 * returns, goes with the next batch of the same transaction, or before its commit. Rows of an {@code insert} and
 * {@code connection { }} blocks run on their own, in order, as do autocommit statements.
 */
final class TransactionalSink implements MigrationSink {
    private final Connection connection;
    private final Dialect dialect;
    private final TransactionPlan plan;
    private final StatementRunner runner;
    private final RunHistory history;
    private final LiveSchema liveSchema;
    private final boolean batches;

    private StepPlan current;
    private Instant started;
    private int stepsSinceCommit;
    private int stepsCommitted;
    private boolean autocommitRan;
    /** Statements of the open transaction not yet sent: the current step's, and the history row of the step before. */
    private final StatementBatch pending = new StatementBatch();
    /** The last step's history row while it waits for the next batch (with {@code statementBatches}), or null. */
    private HistoryRow unwrittenRow;
    /**
     * What ran in the open transaction, to run again after a rollback when a batch fails and the driver does not say
     * which statement failed; null once a {@code connection { }} block ran in it, which is not run twice (a savepoint
     * before each batch serves then).
     */
    private List<Replay> sinceBegin = new ArrayList<>();

    /** Work of the open transaction that can run again, in order. */
    @FunctionalInterface
    private interface Replay { void run() throws Exception; }

    TransactionalSink(Connection connection, Dialect dialect, TransactionPlan plan, HistoryTable history) {
        if (plan.resumable()) throw new IllegalArgumentException("a transactional run needs transactional DDL");
        this.connection = connection;
        this.dialect = dialect;
        this.plan = plan;
        this.runner = new StatementRunner(connection, dialect);
        this.history = new RunHistory(history, connection);
        this.liveSchema = new LiveSchema(connection, dialect);
        this.batches = dialect.capabilities().statementBatches();
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
                case IN_TRANSACTION -> segment.statements().forEach(this::inTransaction);
                case AUTOCOMMIT -> {
                    flush();
                    runAutocommit(segment.statements());
                }
                case STATEMENT_BY_STATEMENT -> throw new IllegalStateException("a transactional run has no statement-by-statement segment");
            }
        }
        // Bookkeeping IN_TRANSACTION: after an autocommit segment the connection is back in a transaction.
        for (String sql : versionChange)
            pending.add(sql, e -> new DatabaseException("revision " + step.revision() + ": updating the version table failed: " + e.getMessage(), e));
        flush();
        HistoryRow row;
        try {
            row = history.row(history.nextId(), step, started, Instant.now(), true, step.statements().size(), null);
        } catch (SQLException e) {
            throw historyFailure(e);
        }
        if (batches) unwrittenRow = row;
        else writeRow(row);
        if (plan.scope() == TransactionPlan.Scope.STEP) {
            flush();
            commit();
            stepsCommitted++;
        } else {
            stepsSinceCommit++;
        }
        // Between steps nothing is running: a failure now (rendering the next step) is no failure of this one.
        current = null;
    }

    /** A statement of the open transaction: SQL joins the pending batch; rows and connection blocks run after it, in order. */
    private void inTransaction(StepStatement s) {
        s.work().accept(new StepStatement.Handler<Void, RuntimeException>() {
            @Override public Void sql(StepStatement.Sql work) {
                pending.add(work.sql(), e -> new DatabaseException(failure(s, e), e));
                return null;
            }

            @Override public Void rows(StepStatement.Rows work) {
                runAlone(s);
                if (batches && sinceBegin != null) sinceBegin.add(() -> runner.run(s));
                return null;
            }

            @Override public Void callback(StepStatement.Callback work) {
                runAlone(s);
                sinceBegin = null;
                return null;
            }
        });
    }

    private void runAlone(StepStatement s) {
        flush();
        try {
            runner.run(s);
        } catch (Exception e) {
            throw new DatabaseException(failure(s, e), e);
        }
    }

    /**
     * Sends what is pending in the open transaction: the last step's history row, then the statements. A batch that
     * fails reports its failing statement as a one-by-one run would; where the driver does not say which one failed,
     * it is found by running the transaction's work again, one statement at a time, after a rollback (or a rollback
     * to the savepoint taken before the batch).
     */
    private void flush() {
        if (unwrittenRow != null) {
            HistoryRow row = unwrittenRow;
            unwrittenRow = null;
            List<StatementBatch.Entry> rest = pending.drain();
            pending.add(history.table.insertStatement(row), this::historyFailure);
            rest.forEach(e -> pending.add(e.sql(), e.failure()));
        }
        if (pending.isEmpty()) return;
        List<StatementBatch.Entry> entries = pending.drain();
        StatementBatch.Outcome outcome;
        Savepoint savepoint = null;
        try {
            if (batches && sinceBegin == null) savepoint = connection.setSavepoint();
            outcome = StatementBatch.run(connection, entries, batches);
        } catch (SQLException e) {
            throw new DatabaseException((current == null ? "the run" : "revision " + current.revision()) + ": cannot send its statements: "
                    + e.getMessage(), e);
        }
        if (outcome instanceof StatementBatch.Failed failed) throw batchFailure(entries, failed, savepoint);
        if (batches && sinceBegin != null) sinceBegin.add(() -> {
            if (StatementBatch.run(connection, entries, batches) instanceof StatementBatch.Failed again) throw again.cause();
        });
    }

    /** The failing entry's own report, found again one by one when the batch did not say which entry failed. */
    private DatabaseException batchFailure(List<StatementBatch.Entry> entries, StatementBatch.Failed failed, Savepoint savepoint) {
        if (failed.entry().isPresent()) return entries.get(failed.entry().getAsInt()).failure().apply(failed.cause());
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                connection.rollback();
                for (Replay r : sinceBegin) r.run();
            }
            if (StatementBatch.run(connection, entries, false) instanceof StatementBatch.Failed again && again.entry().isPresent())
                return entries.get(again.entry().getAsInt()).failure().apply(again.cause());
        } catch (Exception runAgain) {
            failed.cause().addSuppressed(runAgain);
        }
        // Run again, nothing failed (a lock timeout, a serialization failure): the batch is all that can be named.
        String what = current == null ? "the run" : "revision " + current.revision() + " (" + current.script() + ")";
        return new DatabaseException(what + " failed in one of the statements sent together; run again one at a time, none failed, so "
                + "which one is not known: " + StatementRunner.cause(failed.cause()) + "; " + rolledBack(), failed.cause());
    }

    private DatabaseException historyFailure(SQLException e) {
        return new DatabaseException("cannot write the history table " + history.table.name() + ": " + e.getMessage(), e);
    }

    private void writeRow(HistoryRow row) {
        try {
            history.table.insert(connection, row);
        } catch (SQLException e) {
            throw historyFailure(e);
        }
    }

    /** Commits what ran so far, runs the statements in autocommit mode, then opens a new transaction. */
    private void runAutocommit(List<StepStatement> statements) {
        StepStatement s = statements.get(0);
        try {
            connection.commit();
            sinceBegin = new ArrayList<>();
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
    private String failure(StepStatement s, Exception e) { return StatementRunner.failedAt(current, s, e) + rolledBack(); }

    private String rolledBack() {
        StringBuilder sb = new StringBuilder("the transaction was rolled back, so nothing of ")
                .append(current == null ? "this run" : "revision " + current.revision()).append(" remains");
        if (stepsSinceCommit > 0) sb.append(", nor of the ").append(stepsSinceCommit).append(" revision(s) before it in this run");
        if (stepsCommitted > 0) sb.append("; ").append(stepsCommitted).append(" earlier revision(s) of this run were committed and stay applied");
        if (autocommitRan) sb.append("; autocommit statements (autocommit { } blocks, CREATE INDEX CONCURRENTLY) were committed as they ran");
        return sb.append(". Fix the script and run again.").toString();
    }

    @Override public void endRun() {
        flush();
        if (plan.scope() == TransactionPlan.Scope.RUN) commit();
    }

    @Override public void abort(RuntimeException failure) {
        // The original failure is what the user needs; a failure to roll back or to record it must not hide it.
        try {
            connection.rollback();
            unwrittenRow = null;
            pending.drain();
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
            sinceBegin = new ArrayList<>();
        } catch (SQLException e) {
            throw new DatabaseException("commit failed: " + e.getMessage(), e);
        }
    }
}
