package dev.retort.internal.exec;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.Insert;
import dev.retort.internal.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a step's statements on a live connection, in whatever transaction mode the sink has set; both sinks share it. */
final class StatementRunner {
    /** Rows per JDBC batch for {@code insert}. */
    static final int INSERT_BATCH_SIZE = 1000;

    private final Connection connection;
    private final Dialect dialect;

    StatementRunner(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    void run(StepStatement s) throws Exception { s.work().accept(runner); }

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

    /** The step's version-table change, in the transaction mode the sink has set (see {@link TransactionPlan.Bookkeeping}). */
    void versionChange(StepPlan step, List<String> statements) {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) s.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseException("revision " + step.revision() + ": updating the version table failed: " + e.getMessage(), e);
        }
    }

    /** "revision X failed at statement 3 of 5 (file:line, op): SQL: database error; ", which each sink completes. */
    static String failedAt(StepPlan step, StepStatement s, Exception e) {
        return "revision " + step.revision() + " failed at statement " + s.number() + " of " + step.statements().size() + " ("
                + step.where(s) + ", " + s.operation() + "): " + s.text() + ": " + cause(e) + "; ";
    }

    /** The database's message on one line. */
    static String cause(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
