package dev.retort.internal.exec;

import dev.retort.internal.db.DatabaseException;
import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.NamedConstraint;
import dev.retort.dsl.dialect.SchemaLookup;
import dev.retort.dsl.schema.TableModel;
import dev.retort.internal.database.SchemaReflector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Table definitions read from the live database by its database's reader, for dialects that need one to render
 * (MySQL {@code MODIFY}, SQLite rebuilds). Reads run on the migration's connection, so they see what the run has
 * done so far, committed or not.
 */
final class LiveSchema implements SchemaLookup {
    private final Connection connection;
    private final Dialect dialect;
    // Found on first use: most runs render nothing that needs a table's definition.
    private SchemaReflector reader;

    LiveSchema(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override public Optional<TableModel> table(String schema, String table) {
        return reader().table(this::rows, schema, table);
    }

    @Override public Optional<List<NamedConstraint>> constraints(String schema, String table) {
        return reader().constraints(this::rows, schema, table);
    }

    private SchemaReflector reader() {
        if (reader == null) reader = SchemaReflector.forDialect(dialect);
        return reader;
    }

    /** Runs the reader's catalog query; column labels become lower-case keys. */
    private List<Map<String, Object>> rows(String sql, Object... parameters) {
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
            throw new DatabaseException("cannot read the current table definition: " + e.getMessage() + "\n    " + sql, e);
        }
    }
}
