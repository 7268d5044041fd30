package dev.retort.exec;

import dev.retort.db.DatabaseException;
import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.dsl.dialect.SchemaLookup;
import dev.retort.dsl.op.Insert;
import dev.retort.dsl.op.OnDialect;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.op.RunWithConnection;
import dev.retort.graph.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a migration on a live connection. Where DDL is transactional, the whole run is one transaction, or one
 * per revision with {@code transactionPerMigration}; the version-table change shares its step's transaction.
 */
public final class JdbcSink implements MigrationSink {
    private final Connection connection;
    private final Dialect dialect;
    private final boolean perMigration;
    /** Live table definitions, read when a dialect needs one to render (MySQL MODIFY, SQLite rebuilds). */
    private final SchemaLookup liveSchema;
    private Step current;

    /** Rows per JDBC batch for {@code insert}. */
    static final int INSERT_BATCH_SIZE = 1000;

    public JdbcSink(Connection connection, Dialect dialect, boolean transactionPerMigration) {
        this.connection = connection;
        this.dialect = dialect;
        this.perMigration = transactionPerMigration;
        CatalogQuery catalog = this::catalogRows;
        this.liveSchema = (schema, table) -> dialect.readTable(catalog, schema, table);
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
        if (operation instanceof OnDialect o) {
            // Applied one by one so that inserts batch and connection { } blocks run inside onDialect too.
            if (o.dialects().stream().anyMatch(n -> n.equalsIgnoreCase(dialect.name()))) o.operations().forEach(this::apply);
            return;
        }
        if (operation instanceof Insert insert) {
            insertBatched(insert);
            return;
        }
        List<String> sql;
        try {
            sql = dialect.render(operation, liveSchema);
        } catch (RenderException e) {
            throw new RenderException("revision " + current.revision().id() + ": " + e.getMessage());
        }
        execute(sql);
    }

    /** One prepared statement per run of rows with the same columns, sent in batches of {@link #INSERT_BATCH_SIZE}. */
    private void insertBatched(Insert insert) {
        List<Map<String, Object>> rows = insert.rows();
        int i = 0;
        while (i < rows.size()) {
            java.util.Set<String> keys = rows.get(i).keySet();
            List<String> columns = List.copyOf(keys);
            String sql = dialect.parameterizedInsert(insert, columns);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int pending = 0;
                for (; i < rows.size() && rows.get(i).keySet().equals(keys); i++) {
                    int p = 1;
                    for (String c : columns) ps.setObject(p++, rows.get(i).get(c));
                    ps.addBatch();
                    if (++pending == INSERT_BATCH_SIZE) { ps.executeBatch(); pending = 0; }
                }
                if (pending > 0) ps.executeBatch();
            } catch (SQLException e) {
                throw new DatabaseException("revision " + current.revision().id() + " failed on " + insert.describe() + "\n    " + sql
                        + "\n" + dialect.name() + " said: " + e.getMessage(), e);
            }
        }
    }

    /** Runs a dialect's catalog query; column labels become lower-case keys. */
    private List<Map<String, Object>> catalogRows(String sql, Object... parameters) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) ps.setObject(p + 1, parameters[p]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) row.put(md.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the current table definition for revision " + current.revision().id()
                    + ": " + e.getMessage() + "\n    " + sql, e);
        }
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
