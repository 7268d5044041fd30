package dev.retort.dsl.groovy;

import dev.retort.dsl.schema.ColumnDefault;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Groovy named arguments checked against the names an operation accepts, so a typo is an error, not a no-op. */
final class NamedOptions {
    private final Map<String, Object> values;

    NamedOptions(Map<String, ?> values, String operation, Set<String> known) {
        @SuppressWarnings("unchecked") Map<String, Object> v = values == null ? Map.of() : (Map<String, Object>) values;
        for (String key : v.keySet())
            if (!known.contains(key))
                throw new IllegalArgumentException(operation + ": unknown option '" + key + "'; known options: "
                        + String.join(", ", new TreeSet<>(known)));
        this.values = v;
    }

    boolean has(String key) { return values.containsKey(key); }

    boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("option '" + key + "' must be true or false, was " + v);
    }

    Boolean optionalFlag(String key) { return has(key) ? flag(key, false) : null; }

    String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    ColumnDefault columnDefault(String key) {
        Object v = values.get(key);
        return v == null ? null : ColumnDefault.of(v);
    }

    Object raw(String key) { return values.get(key); }

    @SuppressWarnings("unchecked")
    List<String> names(String key) {
        Object v = values.get(key);
        if (v == null) return null;
        if (v instanceof List<?> l) return (List<String>) l.stream().map(Object::toString).toList();
        return List.of(v.toString());
    }
}
