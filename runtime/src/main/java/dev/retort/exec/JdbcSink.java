package dev.retort.exec;

import dev.retort.db.DatabaseException;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.RunWithConnection;
import dev.retort.graph.Step;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a migration on a live connection. Where DDL is transactional, the whole run is one transaction, or one
 * per revision with {@code transactionPerMigration}; the version-table change shares its step's transaction.
 */
public final class JdbcSink implements MigrationSink {
    private final Connection connection;
    private final Dialect dialect;
    private final boolean perMigration;
    private Step current;

    public JdbcSink(Connection connection, Dialect dialect, boolean transactionPerMigration) {
        this.connection = connection;
        this.dialect = dialect;
        this.perMigration = transactionPerMigration;
    }

    private boolean transactional() { return dialect.capabilities().transactionalDdl(); }

    @Override public void beginRun() {
        try {
            connection.setAutoCommit(!transactional());
        } catch (SQLException e) {
            throw new DatabaseException("cannot start a transaction: " + e.getMessage(), e);
        }
    }

    @Override public void beginStep(Step step) { current = step; }

    @Override public void apply(Operation operation) {
        if (operation instanceof RunWithConnection r) {
            try {
                r.callback().run(connection);
            } catch (Exception e) {
                throw new DatabaseException("connection { } block of revision " + current.revision().id() + " failed: " + e.getMessage(), e);
            }
            return;
        }
        execute(dialect.render(operation));
    }

    @Override public void versionChange(List<String> statements) { execute(statements); }

    private void execute(List<String> statements) {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new DatabaseException("revision " + current.revision().id() + " failed on\n    " + sql.replace("\n", "\n    ")
                            + "\n" + dialect.name() + " said: " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot create a statement: " + e.getMessage(), e);
        }
    }

    @Override public void endStep(Step step) {
        if (transactional() && perMigration) commit();
    }

    @Override public void endRun() {
        if (transactional() && !perMigration) commit();
    }

    @Override public void abort() {
        if (!transactional()) return;
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the user needs to see; a failed rollback ends with the connection anyway.
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
