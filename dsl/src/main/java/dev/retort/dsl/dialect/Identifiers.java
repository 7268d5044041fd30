package dev.retort.dsl.dialect;

import java.util.Set;
import java.util.regex.Pattern;

/** The one rule for when an identifier needs quotes; each dialect supplies its quote characters and reserved words. */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Words reserved in SQL:2016 and by most databases; dialects add their own. */
    public static final Set<String> COMMON_RESERVED = Set.of(
            "all", "alter", "and", "any", "as", "asc", "between", "by", "case", "check", "column", "constraint",
            "create", "cross", "current_date", "current_time", "current_timestamp", "current_user", "default",
            "delete", "desc", "distinct", "drop", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "grant", "group", "having", "in", "index", "inner", "insert", "intersect",
            "into", "is", "join", "key", "left", "like", "limit", "natural", "not", "null", "offset", "on", "or",
            "order", "outer", "primary", "references", "right", "select", "session_user", "set", "some", "table",
            "then", "to", "true", "union", "unique", "update", "user", "using", "values", "when", "where", "with");

    private Identifiers() {}

    /** Plain lower-case identifiers that are not reserved need no quotes; anything else does. */
    public static boolean needsQuotes(String identifier, Set<String> reserved) {
        return !PLAIN.matcher(identifier).matches() || reserved.contains(identifier);
    }
}
