package dev.retort.internal.exec;

import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import dev.retort.internal.db.LauncherIdentity;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.SchemaLookup;
import dev.retort.dsl.op.Insert;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a migration on a live connection and writes {@code retort_history} as it goes.
 * <p>Where DDL is transactional, the whole run is one transaction, or one per revision with
 * {@code transactionPerMigration}; the version-table change and the history row share their step's transaction,
 * and a failure rolls it back, then records the failure on its own. Autocommit statements ({@code autocommit { }}
 * blocks, and what the dialect cannot run in a transaction, such as {@code CREATE INDEX CONCURRENTLY}) commit what
 * ran before them and run outside any transaction.
 * <p>Where DDL commits by itself (MySQL, MariaDB, Oracle), each statement's completion is recorded in the step's
 * history row together with a digest of the statements so far. A rerun resumes after the last applied
 * statement when the script still renders those statements identically, and refuses otherwise: the database
 * is never left in a partial state that nobody was told about.
 */
public final class JdbcSink implements MigrationSink {
    /** Rows per JDBC batch for {@code insert}. */
    static final int INSERT_BATCH_SIZE = 1000;

    private final Connection connection;
    private final Dialect dialect;
    private final boolean perMigration;
    private final HistoryTable history;
    private final Consumer<String> notices;
    private final SchemaLookup liveSchema;
    private final LauncherIdentity who = LauncherIdentity.current();

    private StepPlan current;
    private Instant started;
    private long historyId = -1;
    private int resumeAfter;
    private int stepsSinceCommit;
    private int stepsCommitted;
    private boolean autocommitRan;

    public JdbcSink(Connection connection, Dialect dialect, boolean transactionPerMigration, HistoryTable history, Consumer<String> notices) {
        this.connection = connection;
        this.dialect = dialect;
        this.perMigration = transactionPerMigration;
        this.history = history;
        this.notices = notices;
        this.liveSchema = new LiveSchema(connection, dialect);
    }

    @Override public Dialect dialect() { return dialect; }

    private boolean transactional() { return dialect.capabilities().transactionalDdl(); }

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
            connection.setAutoCommit(!transactional());
        } catch (SQLException e) {
            throw new DatabaseException("cannot start a transaction: " + e.getMessage(), e);
        }
    }

    /** Read once per run, then counted here: the migration lock keeps every other launcher from inserting meanwhile. */
    private long historyIds = -1;

    private long nextHistoryId() throws SQLException {
        if (historyIds < 0) historyIds = history.nextId(connection);
        return historyIds++;
    }

    @Override public void beginStep(StepPlan plan) {
        current = plan;
        started = Instant.now();
        historyId = -1;
        resumeAfter = 0;
        if (transactional()) return;
        try {
            resumeAfter = resumePoint(plan);
            historyId = nextHistoryId();
            history.insert(connection, row(historyId, plan, null, false, resumeAfter, null));
        } catch (SQLException e) {
            throw new DatabaseException("cannot write the history table " + history.name() + ": " + e.getMessage(), e);
        }
    }

    /** How many statements of the step a failed earlier run left in the database, checked against the script. */
    private int resumePoint(StepPlan plan) throws SQLException {
        Optional<HistoryRow> last = history.latest(connection, plan.revision(), direction(plan.step()));
        if (last.isEmpty() || last.get().success() || last.get().statementsApplied() == 0) return 0;
        HistoryRow failed = last.get();
        int k = failed.statementsApplied();
        int total = plan.statements().size();
        if (k <= total && plan.prefixDigests().get(k).equals(failed.appliedDigest())) {
            notices.accept("Resuming revision " + plan.revision() + " at statement " + (k + 1) + " of " + total + ": "
                    + applied(k) + " by the run that failed at " + failed.startedAt() + " (history row " + failed.id() + ")");
            return k;
        }
        throw new DatabaseException("revision " + plan.revision() + " failed in an earlier run (history row " + failed.id()
                + ") after " + applied(k) + ", and " + plan.script() + " no longer renders " + (k == 1 ? "that statement" : "those " + k + " statements")
                + " the same way, so Retort cannot tell what the database holds. Restore them in the script and run again; or undo them "
                + "by hand and then record that nothing remains: UPDATE " + history.name() + " SET statements_applied = 0 WHERE id = " + failed.id(), null);
    }

    @Override public void statement(StepStatement s) {
        if (s.number() <= resumeAfter) return;
        if (!transactional()) {
            runRecorded(s);
            return;
        }
        try {
            if (s.autocommit()) runOutsideTransaction(s);
            else run(s);
        } catch (Exception e) {
            throw new DatabaseException(failure(s, e), e);
        }
    }

    /** Commits what ran so far, runs the statement in autocommit mode, then opens a new transaction. */
    private void runOutsideTransaction(StepStatement s) throws Exception {
        connection.commit();
        stepsCommitted += stepsSinceCommit;
        stepsSinceCommit = 0;
        autocommitRan = true;
        connection.setAutoCommit(true);
        try {
            run(s);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    /**
     * Where DDL commits by itself: runs the statement and records it as applied. An insert's rows and that record
     * share one transaction, so the rows are either all in with their record or not in at all.
     */
    private void runRecorded(StepStatement s) {
        boolean together = s.work().accept(COMMITS_WITH_ITS_RECORD);
        try {
            if (together) connection.setAutoCommit(false);
            try {
                run(s);
            } catch (Exception e) {
                if (together) connection.rollback();
                throw new DatabaseException(failure(s, e), e);
            }
            try {
                history.progress(connection, historyId, s.number(), current.prefixDigests().get(s.number()));
                if (together) connection.commit();
            } catch (SQLException e) {
                if (together) connection.rollback();
                throw new DatabaseException("statement " + s.number() + " of revision " + current.revision()
                        + (together ? " was rolled back because recording it in " : " was applied, but recording that in ")
                        + history.name() + " failed: " + e.getMessage(), e);
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

    /** Only an insert's rows: a statement or a connection block may commit DDL by itself, which no rollback undoes. */
    private static final StepStatement.Handler<Boolean, RuntimeException> COMMITS_WITH_ITS_RECORD = new StepStatement.Handler<>() {
        @Override public Boolean sql(StepStatement.Sql work) { return false; }
        @Override public Boolean rows(StepStatement.Rows work) { return true; }
        @Override public Boolean callback(StepStatement.Callback work) { return false; }
    };

    private void run(StepStatement s) throws Exception { s.work().accept(runner); }

    private final StepStatement.Handler<Void, Exception> runner = new StepStatement.Handler<>() {
        @Override public Void sql(StepStatement.Sql work) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute(work.sql());
            }
            return null;
        }

        @Override public Void rows(StepStatement.Rows work) throws SQLException {
            insertBatched(work.insert());
            return null;
        }

        @Override public Void callback(StepStatement.Callback work) throws Exception {
            work.block().callback().run(connection);
            return null;
        }
    };

    /** One prepared statement per run of rows with the same columns, sent in batches of {@link #INSERT_BATCH_SIZE}. */
    private void insertBatched(Insert insert) throws SQLException {
        List<Map<String, Object>> rows = insert.rows();
        int i = 0;
        while (i < rows.size()) {
            Set<String> keys = rows.get(i).keySet();
            List<String> columns = List.copyOf(keys);
            try (PreparedStatement ps = connection.prepareStatement(dialect.parameterizedInsert(insert, columns))) {
                int pending = 0;
                for (; i < rows.size() && rows.get(i).keySet().equals(keys); i++) {
                    int p = 1;
                    for (String c : columns) ps.setObject(p++, rows.get(i).get(c));
                    ps.addBatch();
                    if (++pending == INSERT_BATCH_SIZE) { ps.executeBatch(); pending = 0; }
                }
                if (pending > 0) ps.executeBatch();
            }
        }
    }

    /** "revision X failed at statement 3 of 5 (file:line, op): SQL: database error; what was applied". */
    private String failure(StepStatement s, Exception e) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s*\\n\\s*", " ");
        int total = current.statements().size();
        String head = "revision " + current.revision() + " failed at statement " + s.number() + " of " + total + " ("
                + current.where(s) + ", " + s.operation() + "): " + s.text() + ": " + cause + "; ";
        if (!transactional()) {
            int k = s.number() - 1;
            return head + (k == 0 ? "no statement of it was applied. Fix the script and run again."
                    : applied(k) + ". Fix the script and run again: Retort resumes at statement " + (k + 1) + " as long as "
                    + (k == 1 ? "statement 1 stays" : "statements 1–" + k + " stay") + " as they are.");
        }
        StringBuilder sb = new StringBuilder(head).append("the transaction was rolled back, so nothing of revision ").append(current.revision()).append(" remains");
        if (stepsSinceCommit > 0) sb.append(", nor of the ").append(stepsSinceCommit).append(" revision(s) before it in this run");
        if (stepsCommitted > 0) sb.append("; ").append(stepsCommitted).append(" earlier revision(s) of this run were committed and stay applied");
        if (autocommitRan) sb.append("; autocommit statements (autocommit { } blocks, CREATE INDEX CONCURRENTLY) were committed as they ran");
        return sb.append(". Fix the script and run again.").toString();
    }

    private static String applied(int k) {
        return k == 1 ? "statement 1 was applied" : "statements 1–" + k + " were applied";
    }

    @Override public void versionChange(List<String> statements) {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) s.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseException("revision " + current.revision() + ": updating the version table failed: " + e.getMessage(), e);
        }
    }

    @Override public void endStep(StepPlan plan) {
        Instant finished = Instant.now();
        try {
            if (transactional()) {
                history.insert(connection, row(nextHistoryId(), plan, finished, true, plan.statements().size(), null));
            } else {
                history.finish(connection, historyId, finished, Duration.between(started, finished).toMillis(), true, null);
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot write the history table " + history.name() + ": " + e.getMessage(), e);
        }
        if (transactional() && perMigration) {
            commit();
            stepsCommitted++;
        } else {
            stepsSinceCommit++;
        }
        // Between steps nothing is running: a failure now (rendering the next step) is no failure of this one.
        current = null;
        historyId = -1;
    }

    @Override public void endRun() {
        if (transactional() && !perMigration) commit();
    }

    @Override public void abort(RuntimeException failure) {
        // The original failure is what the user needs; a failure to roll back or to record it must not hide it.
        try {
            if (transactional()) {
                connection.rollback();
                if (current == null) return;
                connection.setAutoCommit(true);
                history.insert(connection, row(nextHistoryId(), current, Instant.now(), false, 0, failure.getMessage()));
            } else if (historyId >= 0) {
                Instant now = Instant.now();
                history.finish(connection, historyId, now, Duration.between(started, now).toMillis(), false, failure.getMessage());
            }
        } catch (SQLException | RuntimeException ignored) {
            // The connection is closed with the command anyway.
        }
    }

    private HistoryRow row(long id, StepPlan plan, Instant finished, boolean success, int applied, String error) {
        Step step = plan.step();
        String parents = String.join(",", step.revision().downRevisions());
        boolean up = step.direction() == Direction.UPGRADE;
        return new HistoryRow(id, plan.revision(), direction(step), up ? parents : plan.revision(), up ? plan.revision() : parents,
                plan.script(), plan.checksum(), started, finished, finished == null ? null : Duration.between(started, finished).toMillis(),
                who.osUser(), who.host(), success, plan.statements().size(), applied, plan.prefixDigests().get(applied), error);
    }

    private static String direction(Step step) { return step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade"; }

    private void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException("commit failed: " + e.getMessage(), e);
        }
    }
}
