package dev.retort.internal.testkit;

import groovy.sql.GroovyRowResult;
import groovy.sql.Sql;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an {@code after 'REV' { … }} block of {@code retort-test.groovy} reads with: rows as maps whose keys are the
 * column labels in lower case (every database then answers alike), so {@code assert rows('select id from t') == [[id: 1]]}.
 */
public final class AssertBlock {
    private final Sql sql;

    AssertBlock(Sql sql) { this.sql = sql; }

    /** Every row of the query; {@code params} fill its {@code ?} in order. */
    public List<Map<String, Object>> rows(String query, Object... params) throws SQLException {
        return sql.rows(query, params).stream().map(AssertBlock::lowerCased).toList();
    }

    /** The first row of the query, or null when it has none. */
    public Map<String, Object> row(String query, Object... params) throws SQLException {
        GroovyRowResult first = sql.firstRow(query, params);
        return first == null ? null : lowerCased(first);
    }

    /** The first column of the first row ({@code value('select count(*) from t') == 2}), or null when there is no row. */
    public Object value(String query, Object... params) throws SQLException {
        GroovyRowResult first = sql.firstRow(query, params);
        return first == null ? null : first.getAt(0);
    }

    /** The connection as {@link groovy.sql.Sql}, for anything else. */
    public Sql getSql() { return sql; }

    private static Map<String, Object> lowerCased(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
