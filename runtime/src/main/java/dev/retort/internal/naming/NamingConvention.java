package dev.retort.internal.naming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLAlchemy's naming convention ({@code naming_convention.fk = fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s}):
 * the name a key, unique constraint, foreign key, check or index gets when its revision leaves it unnamed, the same on
 * every database, so a later revision can drop it by that name everywhere. Templates are checked once, when the
 * configuration is read; {@link ConventionNaming} applies them to a revision's operations.
 */
public final class NamingConvention {
    /** The convention's keys, in SQLAlchemy's spelling. */
    public enum Kind {
        PK("a primary key"), FK("a foreign key"), UQ("a unique constraint"), CK("a check constraint"), IX("an index");

        private final String what;

        Kind(String what) { this.what = what; }

        public String key() { return name().toLowerCase(Locale.ROOT); }
        public String what() { return what; }

        public static Optional<Kind> byKey(String key) {
            for (Kind k : values()) if (k.key().equals(key.trim().toLowerCase(Locale.ROOT))) return Optional.of(k);
            return Optional.empty();
        }
    }

    /** The tokens a template may use, by what they need. */
    static final List<String> TABLE_TOKENS = List.of("table_name");
    static final List<String> COLUMN_TOKENS = List.of("column_0_name", "column_0_N_name", "column_0N_name", "column_0_label");
    static final List<String> REFERRED_TOKENS = List.of("referred_table_name", "referred_column_0_name");
    static final String CONSTRAINT_NAME = "constraint_name";

    private static final Pattern TOKEN = Pattern.compile("%\\((\\w*)\\)s");

    public static final NamingConvention NONE = new NamingConvention(Map.of());

    private final Map<Kind, String> templates;

    private NamingConvention(Map<Kind, String> templates) {
        this.templates = templates.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(templates));
    }

    /**
     * The convention of these templates ({@code %%} read as {@code %}, as an ini file escapes it); throws
     * {@link IllegalArgumentException} naming the first template that uses a token its kind cannot fill.
     */
    public static NamingConvention of(Map<Kind, String> templates) {
        Map<Kind, String> checked = new EnumMap<>(Kind.class);
        templates.forEach((kind, template) -> {
            String t = template.trim().replace("%%", "%");
            problem(kind, t).ifPresent(p -> { throw new IllegalArgumentException(p); });
            checked.put(kind, t);
        });
        return checked.isEmpty() ? NONE : new NamingConvention(checked);
    }

    /** Why the template cannot name that kind of object, or empty when it can. */
    static Optional<String> problem(Kind kind, String template) {
        if (template.isEmpty()) return Optional.of("is empty; write a template such as " + example(kind));
        String rest = TOKEN.matcher(template).replaceAll("");
        if (rest.contains("%("))
            return Optional.of("has a token not written %(name)s; write e.g. " + example(kind));
        Matcher m = TOKEN.matcher(template);
        while (m.find()) {
            String token = m.group(1);
            List<String> allowed = allowed(kind);
            if (allowed.contains(token)) continue;
            boolean known = TABLE_TOKENS.contains(token) || COLUMN_TOKENS.contains(token) || REFERRED_TOKENS.contains(token)
                    || token.equals(CONSTRAINT_NAME);
            String why = !known ? "uses the unknown token %(" + token + ")s"
                    : token.equals(CONSTRAINT_NAME) ? "uses %(constraint_name)s, which only a check has (the convention names only what a revision leaves unnamed)"
                    : kind == Kind.CK ? "uses %(" + token + ")s, but a check's columns are not known (its SQL is not parsed)"
                    : "uses %(" + token + ")s, which only a foreign key has";
            return Optional.of(why + "; " + kind.what() + " may use " + String.join(", ", allowed.stream().map(a -> "%(" + a + ")s").toList()));
        }
        return Optional.empty();
    }

    private static List<String> allowed(Kind kind) {
        List<String> out = new ArrayList<>(TABLE_TOKENS);
        if (kind == Kind.CK) out.add(CONSTRAINT_NAME);
        else out.addAll(COLUMN_TOKENS);
        if (kind == Kind.FK) out.addAll(REFERRED_TOKENS);
        return out;
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case PK -> "pk_%(table_name)s";
            case FK -> "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s";
            case UQ -> "uq_%(table_name)s_%(column_0_N_name)s";
            case CK -> "ck_%(table_name)s_%(constraint_name)s";
            case IX -> "ix_%(table_name)s_%(column_0_N_name)s";
        };
    }

    public boolean isEmpty() { return templates.isEmpty(); }

    public Map<Kind, String> templates() { return templates; }

    public boolean names(Kind kind) { return templates.containsKey(kind); }

    /** The name of a key, unique constraint or index on {@code columns} of {@code table}, when the convention has one. */
    public Optional<String> name(Kind kind, String table, List<String> columns) {
        return name(kind, table, columns, null, List.of());
    }

    /** A foreign key's name; {@code referredTable} may carry a schema, which the name leaves out, as SQLAlchemy does. */
    public Optional<String> name(Kind kind, String table, List<String> columns, String referredTable, List<String> referredColumns) {
        String template = templates.get(kind);
        if (template == null) return Optional.empty();
        return Optional.of(fill(template, token -> switch (token) {
            case "table_name" -> bare(table);
            case "column_0_name" -> columns.get(0);
            case "column_0_N_name" -> String.join("_", columns);
            case "column_0N_name" -> String.join("", columns);
            case "column_0_label" -> bare(table) + "_" + columns.get(0);
            case "referred_table_name" -> bare(referredTable);
            case "referred_column_0_name" -> referredColumns.get(0);
            default -> throw new IllegalStateException("unchecked token " + token);
        }));
    }

    /**
     * A check's name: a given name goes through the template's {@code %(constraint_name)s}; a check without one is named
     * only by a template without that token. A name that already has the template's shape (what this method returned
     * for it before, as a generated or squashed script states it) is kept, so naming is the same however often it runs.
     */
    public Optional<String> checkName(String table, String given) {
        String template = templates.get(Kind.CK);
        if (template == null) return Optional.empty();
        boolean usesName = template.contains("%(" + CONSTRAINT_NAME + ")s");
        if (!usesName) return given == null ? Optional.of(fill(template, token -> bare(table))) : Optional.empty();
        if (given == null) return Optional.empty();
        if (hasShape(template, table, given)) return Optional.of(given);
        return Optional.of(fill(template, token -> token.equals(CONSTRAINT_NAME) ? given : bare(table)));
    }

    private static boolean hasShape(String template, String table, String name) {
        String marker = "%(" + CONSTRAINT_NAME + ")s";
        int at = template.indexOf(marker);
        if (at != template.lastIndexOf(marker)) return false;
        String prefix = fill(template.substring(0, at), token -> bare(table));
        String suffix = fill(template.substring(at + marker.length()), token -> bare(table));
        return name.length() > prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix);
    }

    private static String fill(String template, java.util.function.Function<String, String> value) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    /** A table's own name, without the schema a reference may put before it. */
    private static String bare(String table) {
        int dot = table.lastIndexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }

    @Override public boolean equals(Object o) { return o instanceof NamingConvention n && n.templates.equals(templates); }
    @Override public int hashCode() { return templates.hashCode(); }
    @Override public String toString() { return "NamingConvention" + templates; }
}
