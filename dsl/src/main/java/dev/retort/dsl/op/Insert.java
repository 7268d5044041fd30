package dev.retort.dsl.op;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows to insert; batched online, literal INSERT statements offline. */
public record Insert(String schema, String table, List<Map<String, Object>> rows) implements Operation {
    public Insert {
        List<Map<String, Object>> copy = new ArrayList<>(rows.size());
        // LinkedHashMap keeps the column order as written and allows null values (Map.copyOf does not).
        for (Map<String, Object> row : rows) copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        rows = Collections.unmodifiableList(copy);
    }
    @Override public Optional<Operation> inverse() { return Optional.empty(); }
    @Override public <R> R accept(OperationVisitor<R> visitor) { return visitor.visitInsert(this); }
    @Override public String describe() { return "insert into " + table + " (" + rows.size() + " rows)"; }
}
