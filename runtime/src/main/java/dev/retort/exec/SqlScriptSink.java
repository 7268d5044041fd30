package dev.retort.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.OfflineSchema;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.RunWithConnection;
import dev.retort.graph.Direction;
import dev.retort.graph.Step;
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
    private Step current;

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

    @Override public void beginRun() {
        if (transactional() && !perMigration) statement(dialect.capabilities().beginStatement());
        preamble.forEach(this::statement);
    }

    @Override public void beginStep(Step step) {
        current = step;
        out.println("-- Running " + (step.direction() == Direction.UPGRADE ? "upgrade " : "downgrade ") + step.arrow());
        out.println();
        if (transactional() && perMigration) statement(dialect.capabilities().beginStatement());
    }

    @Override public void apply(Operation operation) {
        if (operation instanceof RunWithConnection)
            throw new RenderException("revision " + current.revision().id() + " uses connection { }, which needs a live database; "
                    + "it cannot be rendered offline with --sql");
        List<String> sql;
        try {
            sql = dialect.render(operation, schema);
        } catch (RenderException e) {
            throw new RenderException("revision " + current.revision().id() + ": " + e.getMessage());
        }
        schema.record(operation);
        // CREATE INDEX CONCURRENTLY and the like cannot run in a transaction block: close it around them.
        boolean outside = transactional() && dialect.runsOutsideTransaction(operation) && !sql.isEmpty();
        if (outside) statement("COMMIT");
        sql.forEach(this::statement);
        if (outside) statement(dialect.capabilities().beginStatement());
    }

    @Override public void versionChange(List<String> statements) { statements.forEach(this::statement); }

    @Override public void endStep(Step step) {
        if (transactional() && perMigration) statement("COMMIT");
    }

    @Override public void endRun() {
        if (transactional() && !perMigration) statement("COMMIT");
        out.flush();
    }

    @Override public void abort() { out.flush(); }

    private void statement(String sql) {
        out.println(dialect.scriptStatement(sql));
        out.println();
    }
}
