package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.Operation;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.Step;
import java.io.PrintStream;
import java.util.List;

/** Offline mode: prints the run as an SQL script, with a comment line before each step. Needs no database. */
public final class SqlScriptSink implements MigrationSink {
    private final PrintStream out;
    private final Dialect dialect;
    private final boolean perMigration;
    private final List<String> preamble;
    /** The tables this script has created so far, for dialects that need a table's definition (SQLite rebuilds). */
    private final OfflineSchema schema;
    private StepPlan current;
    private boolean inAutocommit;

    /** @param preamble statements printed first (the version table's CREATE when starting from base) */
    public SqlScriptSink(PrintStream out, Dialect dialect, boolean transactionPerMigration, List<String> preamble) {
        this.out = out;
        this.dialect = dialect;
        this.perMigration = transactionPerMigration;
        this.preamble = List.copyOf(preamble);
        this.schema = new OfflineSchema(dialect.name());
    }

    private boolean transactional() { return dialect.capabilities().transactionalDdl(); }

    /** Records operations that ran before this script starts (nothing is printed), so later ones can rely on them. */
    public void assumeApplied(List<Operation> operations) { operations.forEach(schema::record); }

    /** One schema for the whole script: each step continues from the tables the steps before it left. */
    @Override public OfflineSchema schemaForNextStep() { return schema; }

    @Override public void beginRun() {
        if (transactional() && !perMigration) statement(dialect.capabilities().beginStatement());
        preamble.forEach(this::statement);
    }

    @Override public Dialect dialect() { return dialect; }

    @Override public void beginStep(StepPlan plan) {
        Step step = plan.step();
        current = plan;
        out.println("-- Running " + (step.direction() == Direction.UPGRADE ? "upgrade " : "downgrade ") + step.arrow());
        out.println();
        if (transactional() && perMigration) statement(dialect.capabilities().beginStatement());
    }

    @Override public void statement(StepStatement s) {
        List<String> sql = s.work().accept(new StepStatement.Handler<List<String>, RuntimeException>() {
            @Override public List<String> sql(StepStatement.Sql work) { return List.of(work.sql()); }
            /** Offline, rows are literal INSERT statements. */
            @Override public List<String> rows(StepStatement.Rows work) { return dialect.render(work.insert()); }
            @Override public List<String> callback(StepStatement.Callback work) {
                throw new RenderException("revision " + current.revision() + " (" + current.where(s) + ") uses connection { }, which needs "
                        + "a live database; it cannot be rendered offline with --sql");
            }
        });
        if (s.autocommit() != inAutocommit && transactional()) {
            // Autocommit statements (an autocommit { } block, CREATE INDEX CONCURRENTLY) end the open transaction;
            // the statements after them start a new one.
            statement(s.autocommit() ? "COMMIT" : dialect.capabilities().beginStatement());
        }
        inAutocommit = s.autocommit();
        sql.forEach(this::statement);
    }

    @Override public void versionChange(List<String> statements) {
        if (inAutocommit && transactional()) statement(dialect.capabilities().beginStatement());
        inAutocommit = false;
        statements.forEach(this::statement);
    }

    @Override public void endStep(StepPlan plan) {
        if (transactional() && perMigration) statement("COMMIT");
    }

    @Override public void endRun() {
        if (transactional() && !perMigration) statement("COMMIT");
        out.flush();
    }

    @Override public void abort(RuntimeException failure) { out.flush(); }

    private void statement(String sql) {
        out.println(dialect.scriptStatement(sql));
        out.println();
    }
}
