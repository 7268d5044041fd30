package dev.retort.internal.database;

import dev.retort.dsl.dialect.CatalogQuery;
import dev.retort.dsl.dialect.NamedConstraint;
import dev.retort.dsl.op.ConstraintType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL-standard catalog that PostgreSQL, H2, MySQL, MariaDB and SQL Server share, as the readers ask it. */
final class InformationSchema {
    private InformationSchema() {}

    /** A table's constraints with their names; empty when the table does not exist. */
    static Optional<List<NamedConstraint>> constraints(CatalogQuery catalog, String currentSchemaSql, String schemaName, String tableName) {
        List<Map<String, Object>> rows = catalog.rows("SELECT tc.constraint_name AS name, tc.constraint_type AS kind, kcu.column_name AS col "
                + "FROM information_schema.table_constraints tc LEFT JOIN information_schema.key_column_usage kcu "
                + "ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name "
                + "WHERE tc.table_schema = COALESCE(?, " + currentSchemaSql + ") AND UPPER(tc.table_name) = UPPER(?) "
                + "ORDER BY tc.constraint_name, kcu.ordinal_position", schemaName, tableName);
        if (rows.isEmpty() && catalog.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = COALESCE(?, "
                + currentSchemaSql + ") AND UPPER(table_name) = UPPER(?)", schemaName, tableName).isEmpty()) return Optional.empty();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, ConstraintType> types = new HashMap<>();
        for (Map<String, Object> r : rows) {
            String n = (String) r.get("name");
            ConstraintType type = switch (String.valueOf(r.get("kind")).toUpperCase()) {
                case "PRIMARY KEY" -> ConstraintType.PRIMARY;
                case "UNIQUE" -> ConstraintType.UNIQUE;
                case "FOREIGN KEY" -> ConstraintType.FOREIGN_KEY;
                default -> ConstraintType.CHECK;
            };
            types.put(n, type);
            List<String> cols = columns.computeIfAbsent(n, k -> new ArrayList<>());
            if (r.get("col") != null) cols.add((String) r.get("col"));
        }
        return Optional.of(columns.entrySet().stream().map(e -> new NamedConstraint(e.getKey(), types.get(e.getKey()), e.getValue())).toList());
    }
}
