package dev.retort.internal.database;

import dev.retort.dsl.schema.ColumnDefault;
import dev.retort.dsl.type.TypeKind;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server defaults read back from a database and compared with a model's. Databases restate defaults in their own
 * words ({@code 'x'::character varying} on PostgreSQL, {@code current_timestamp()} on MariaDB, {@code (1)} on
 * SQL Server), so both sides are reduced to one canonical form before comparing, to avoid false differences.
 */
public final class DefaultValues {
    private static final Pattern CAST = Pattern.compile("::[a-z_][a-z0-9_ ]*(\\([0-9, ]*\\))?(\\[\\])?", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("^'((?:[^']|'')*)'$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$");
    private static final Set<String> NOW = Set.of("current_timestamp", "current_timestamp()", "now()", "localtimestamp",
            "localtimestamp()", "getdate()", "sysdate", "systimestamp", "current_timestamp(6)", "current_timestamp(3)");

    private DefaultValues() {}

    /** A default as the database reports it, or null when there is none. */
    public static ColumnDefault parse(String text) {
        if (text == null) return null;
        String s = unwrap(text.trim());
        if (s.isEmpty() || s.equalsIgnoreCase("null")) return null;
        Matcher q = QUOTED.matcher(s);
        if (q.matches()) {
            String value = q.group(1).replace("''", "'");
            return new ColumnDefault.Literal(value);
        }
        if (NUMBER.matcher(s).matches()) return new ColumnDefault.Literal(new BigDecimal(s));
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return new ColumnDefault.Literal(Boolean.parseBoolean(s.toLowerCase(Locale.ROOT)));
        if (NOW.contains(s.toLowerCase(Locale.ROOT).replace(" ", ""))) return new ColumnDefault.CurrentTimestamp();
        return new ColumnDefault.Expression(s);
    }

    /** Casts and outer parentheses dropped: {@code ('x'::text)} → {@code 'x'}. */
    private static String unwrap(String s) {
        String prev;
        do {
            prev = s;
            s = stripCasts(s).trim();
            if (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) s = s.substring(1, s.length() - 1).trim();
        } while (!s.equals(prev));
        return s;
    }

    private static String stripCasts(String s) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\'') quoted = !quoted;
            if (!quoted && ch == ':' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                Matcher m = CAST.matcher(s).region(i, s.length());
                if (m.lookingAt()) { i = m.end(); continue; }
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean quoted = false;
        for (char ch : s.toCharArray()) {
            if (ch == '\'') quoted = !quoted;
            if (quoted) continue;
            if (ch == '(') depth++;
            if (ch == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }

    /**
     * One spelling per meaning: literals by value (numbers numerically, booleans as true/false, also when a
     * database stores them as 1/0), the current timestamp as one word, expressions in lower case without casts.
     */
    public static String canonical(ColumnDefault d, TypeKind kind) {
        if (d == null) return null;
        ColumnDefault parsed = d instanceof ColumnDefault.Expression e ? parse(e.sql()) : d;
        if (parsed == null) return null;
        if (parsed instanceof ColumnDefault.CurrentTimestamp) return "now";
        if (parsed instanceof ColumnDefault.Literal l) return "literal:" + literalValue(l.value(), kind);
        String sql = ((ColumnDefault.Expression) parsed).sql();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (char ch : sql.toCharArray()) {
            if (ch == '\'') quoted = !quoted;
            if (!quoted && Character.isWhitespace(ch)) continue;
            if (!quoted && ch == '"') continue;
            sb.append(quoted ? ch : Character.toLowerCase(ch));
        }
        return "expr:" + sb;
    }

    private static String literalValue(Object value, TypeKind kind) {
        String s = value.toString();
        if (kind == TypeKind.BOOLEAN) {
            String b = s.toLowerCase(Locale.ROOT);
            if (Set.of("1", "true", "t", "y", "yes", "on").contains(b)) return "true";
            if (Set.of("0", "false", "f", "n", "no", "off").contains(b)) return "false";
        }
        if (NUMBER.matcher(s.trim()).matches()) {
            BigDecimal n = new BigDecimal(s.trim()).stripTrailingZeros();
            return n.signum() == 0 ? "0" : n.toPlainString();
        }
        return s;
    }
}
