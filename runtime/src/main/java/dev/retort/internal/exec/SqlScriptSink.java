package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.Operation;
import dev.retort.internal.graph.Direction;
import java.io.PrintStream;
import java.util.List;

/**
 * Offline mode: prints the run as an SQL script, with a comment line before each step and {@code BEGIN}/{@code COMMIT}
 * where the run's {@link TransactionPlan} places transactions, as a live run would. Needs no database.
 */
public final class SqlScriptSink implements MigrationSink {
    private final PrintStream out;
    private final Dialect dialect;
    private final TransactionPlan plan;
    private final List<String> preamble;
    /** The tables this script has created so far, for dialects that need a table's definition (SQLite rebuilds). */
    private final OfflineSchema schema;
    private StepPlan current;

    /** @param preamble statements printed first (the version table's CREATE when starting from base) */
    public SqlScriptSink(PrintStream out, Dialect dialect, boolean transactionPerMigration, List<String> preamble) {
        this.out = out;
        this.dialect = dialect;
        this.plan = TransactionPlan.of(dialect.capabilities(), transactionPerMigration);
        this.preamble = List.copyOf(preamble);
        this.schema = new OfflineSchema(dialect.name());
    }

    /** Records operations that ran before this script starts (nothing is printed), so later ones can rely on them. */
    public void assumeApplied(List<Operation> operations) { operations.forEach(schema::record); }

    /** One schema for the whole script: each step continues from the tables the steps before it left. */
    @Override public OfflineSchema schemaForNextStep() { return schema; }

    @Override public Dialect dialect() { return dialect; }

    @Override public void beginRun() {
        if (plan.scope() == TransactionPlan.Scope.RUN) statement(begin());
        preamble.forEach(this::statement);
    }

    @Override public void step(StepPlan step, List<String> versionChange) {
        current = step;
        out.println("-- Running " + (step.step().direction() == Direction.UPGRADE ? "upgrade " : "downgrade ") + step.step().arrow());
        out.println();
        if (plan.scope() == TransactionPlan.Scope.STEP) statement(begin());
        TransactionPlan.StepTransactions transactions = plan.step(step.statements());
        boolean transactionEnded = false;
        for (TransactionPlan.Segment segment : transactions.segments()) {
            boolean first = true;
            for (StepStatement s : segment.statements()) {
                // Rendered before the segment's COMMIT or BEGIN, so a connection { } block fails before either is printed.
                List<String> sql = render(s);
                if (first) {
                    switch (segment.kind()) {
                        case AUTOCOMMIT -> statement("COMMIT");
                        case IN_TRANSACTION -> { if (transactionEnded) statement(begin()); }
                        case STATEMENT_BY_STATEMENT -> { }
                    }
                    first = false;
                }
                sql.forEach(this::statement);
            }
            transactionEnded = segment.kind() == TransactionPlan.Kind.AUTOCOMMIT;
        }
        if (transactionEnded && transactions.bookkeeping() == TransactionPlan.Bookkeeping.IN_TRANSACTION) statement(begin());
        versionChange.forEach(this::statement);
        if (plan.scope() == TransactionPlan.Scope.STEP) statement("COMMIT");
    }

    /** {@code stamp --sql}: the version-table change alone, in the run's transaction. */
    public void versionChange(List<String> statements) { statements.forEach(this::statement); }

    private List<String> render(StepStatement s) {
        return s.work().accept(new StepStatement.Handler<List<String>, RuntimeException>() {
            @Override public List<String> sql(StepStatement.Sql work) { return List.of(work.sql()); }
            /** Offline, rows are literal INSERT statements. */
            @Override public List<String> rows(StepStatement.Rows work) { return dialect.render(work.insert()); }
            @Override public List<String> callback(StepStatement.Callback work) {
                throw new RenderException("revision " + current.revision() + " (" + current.where(s) + ") uses connection { }, which needs "
                        + "a live database; it cannot be rendered offline with --sql");
            }
        });
    }

    @Override public void endRun() {
        if (plan.scope() == TransactionPlan.Scope.RUN) statement("COMMIT");
        out.flush();
    }

    @Override public void abort(RuntimeException failure) { out.flush(); }

    private String begin() { return dialect.capabilities().beginStatement(); }

    private void statement(String sql) {
        out.println(dialect.scriptStatement(sql));
        out.println();
    }
}
