package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Capabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's transactions begin and commit, decided once from what the database can do and the configuration, so
 * that the live run and the offline script place them alike. Pure: no connection, no output.
 * <p>Where DDL is transactional, one transaction spans the whole run, or each step with
 * {@code transaction_per_migration}; autocommit statements ({@code autocommit { }} blocks, and what the dialect cannot
 * run in a transaction, such as {@code CREATE INDEX CONCURRENTLY}) commit what ran before them, run on their own, and
 * a new transaction opens after them. A step's version-table change and history row join its transaction.
 * <p>Where DDL commits by itself (MySQL, MariaDB, Oracle), no transaction can undo a step, so it runs statement by
 * statement, each one recorded in the step's history row as it completes, and a rerun resumes after the last one.
 *
 * @param transactionalDdl        DDL runs inside a transaction and rolls back with it
 * @param transactionPerMigration each step commits on its own instead of the run committing once at the end
 */
record TransactionPlan(boolean transactionalDdl, boolean transactionPerMigration) {

    public static TransactionPlan of(Capabilities capabilities, boolean transactionPerMigration) {
        return new TransactionPlan(capabilities.transactionalDdl(), transactionPerMigration);
    }

    /** What one transaction spans, when no autocommit statement ends it early. */
    public enum Scope {
        /** Opened before the first step (and an offline script's preamble), committed after the last. */
        RUN,
        /** Opened before each step, committed after its history row. */
        STEP,
        /** None: DDL commits by itself, so steps run statement by statement. */
        NONE
    }

    public Scope scope() { return !transactionalDdl ? Scope.NONE : transactionPerMigration ? Scope.STEP : Scope.RUN; }

    /** The run resumes a step after the statements a failed run applied. */
    public boolean resumable() { return scope() == Scope.NONE; }

    /** How a segment of a step's statements runs. */
    public enum Kind {
        /** Inside the open transaction. */
        IN_TRANSACTION,
        /** The open transaction commits first; each statement then commits by itself; a new transaction opens after. */
        AUTOCOMMIT,
        /** No transaction: each statement, then the record that it was applied (see {@link #commitsWithItsRecord}). */
        STATEMENT_BY_STATEMENT
    }

    /** Consecutive statements of a step that run the same way. */
    public record Segment(Kind kind, List<StepStatement> statements) {
        public Segment { statements = List.copyOf(statements); }
    }

    /** Where a step's version-table change and history row are written. */
    public enum Bookkeeping {
        /**
         * After the statements, in the step's transaction (opened again when the step ends with autocommit
         * statements): they commit with the step and a rollback takes them back, so the history row of a failed
         * step is written on its own after the rollback.
         */
        IN_TRANSACTION,
        /**
         * A history row written before the first statement, updated as each statement completes and finished after
         * the version-table change, which commits by itself.
         */
        PROGRESS_ROW
    }

    /** One step: its segments in order, and where its bookkeeping goes. */
    public record StepTransactions(List<Segment> segments, Bookkeeping bookkeeping) {
        public StepTransactions { segments = List.copyOf(segments); }
    }

    /** Splits a step's statements into segments. */
    public StepTransactions step(List<StepStatement> statements) {
        if (resumable()) {
            return new StepTransactions(statements.isEmpty() ? List.of() : List.of(new Segment(Kind.STATEMENT_BY_STATEMENT, statements)),
                    Bookkeeping.PROGRESS_ROW);
        }
        List<Segment> segments = new ArrayList<>();
        List<StepStatement> pending = new ArrayList<>();
        boolean autocommit = false;
        for (StepStatement s : statements) {
            if (s.autocommit() != autocommit && !pending.isEmpty()) {
                segments.add(new Segment(autocommit ? Kind.AUTOCOMMIT : Kind.IN_TRANSACTION, pending));
                pending.clear();
            }
            autocommit = s.autocommit();
            pending.add(s);
        }
        if (!pending.isEmpty()) segments.add(new Segment(autocommit ? Kind.AUTOCOMMIT : Kind.IN_TRANSACTION, pending));
        return new StepTransactions(segments, Bookkeeping.IN_TRANSACTION);
    }

    /**
     * Statement by statement, whether a statement and the record that it was applied commit together. Only an
     * insert's rows do, so they are either all in with their record or not in at all: a statement or a
     * {@code connection { }} block may commit DDL by itself, which no rollback undoes.
     */
    public static boolean commitsWithItsRecord(StepStatement statement) { return statement.work().accept(COMMITS_WITH_ITS_RECORD); }

    private static final StepStatement.Handler<Boolean, RuntimeException> COMMITS_WITH_ITS_RECORD = new StepStatement.Handler<>() {
        @Override public Boolean sql(StepStatement.Sql work) { return false; }
        @Override public Boolean rows(StepStatement.Rows work) { return true; }
        @Override public Boolean callback(StepStatement.Callback work) { return false; }
    };
}
