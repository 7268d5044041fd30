package dev.retort.internal.testkit;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.op.Insert;
import groovy.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an {@code at 'REV' { … }} block of {@code retort-test.groovy} can do: put rows in, run SQL, or use {@code sql}. */
public final class SetupBlock {
    private final Connection connection;
    private final Dialect dialect;
    private final Sql sql;

    SetupBlock(Connection connection, Dialect dialect, Sql sql) {
        this.connection = connection;
        this.dialect = dialect;
        this.sql = sql;
    }

    /** {@code insert 'usuarios', [[id: 1, nome: 'Ana'], [id: 2, nome: 'Rui']]}: one row per map, columns by key. */
    public void insert(String table, List<? extends Map<String, ?>> rows) throws SQLException {
        for (Map<String, ?> row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            // A Groovy string with ${…} in it is a GString, which drivers do not take.
            row.forEach((k, v) -> values.put(k, v instanceof CharSequence s ? s.toString() : v));
            List<String> columns = new ArrayList<>(values.keySet());
            String statement = dialect.parameterizedInsert(new Insert(null, table, List.of(values)), columns);
            try (PreparedStatement ps = connection.prepareStatement(statement)) {
                for (int i = 0; i < columns.size(); i++) ps.setObject(i + 1, values.get(columns.get(i)));
                ps.executeUpdate();
            }
        }
    }

    /** {@code execute 'update usuarios set idade = 30'}: any statement, as written. */
    public void execute(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) { s.execute(statement); }
    }

    /** The connection as {@link groovy.sql.Sql}, for anything else. */
    public Sql getSql() { return sql; }
}
