package dev.retort.dsl.dialect;

import java.util.List;
import java.util.Map;

/**
 * Runs a read-only catalog query on the live database and returns its rows, with lower-case column labels as keys.
 * The runtime implements it with JDBC, so that each dialect keeps its own catalog SQL while the DSL stays free of JDBC.
 */
@FunctionalInterface
public interface CatalogQuery {
    List<Map<String, Object>> rows(String sql, Object... parameters);
}
