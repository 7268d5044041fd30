package dev.retort.dsl.dialect;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registry of dialects found through {@link ServiceLoader}: lookup by name or by JDBC URL. */
public final class Dialects {
    private static final List<Dialect> ALL = ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private Dialects() {}

    public static List<Dialect> all() { return ALL; }

    public static Dialect byName(String name) {
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dialect '" + name + "'; known: " + names()));
    }

    public static Dialect forUrl(String jdbcUrl) {
        return ALL.stream().filter(d -> d.handlesUrl(jdbcUrl)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dialect for JDBC URL '" + redact(jdbcUrl)
                        + "'; supported URL prefixes are " + ALL.stream().map(Dialect::urlPrefix).filter(java.util.Objects::nonNull)
                        .collect(Collectors.joining(", "))));
    }

    /**
     * The name a revision gives a database, checked against the registry: an unknown name would make its block apply
     * nowhere, silently, so it is an error that lists the known names and suggests the closest one.
     *
     * @param where what names it, for the message: {@code onDialect}
     */
    public static String requireKnown(String name, String where) {
        if (name != null && ALL.stream().anyMatch(d -> d.name().equalsIgnoreCase(name))) return name;
        String suggestion = name == null ? null : ALL.stream().map(Dialect::name)
                .filter(known -> near(known.toLowerCase(), name.toLowerCase())).findFirst().orElse(null);
        throw new IllegalArgumentException(where + ": unknown dialect '" + name + "'"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)") + "; known dialects: " + names()
                + " ('mysql' covers MariaDB too)");
    }

    /** A prefix of the other ({@code postgres}, {@code sqlserv}) or at most two edits away ({@code postgre}, {@code maria}). */
    private static boolean near(String known, String given) {
        return known.startsWith(given) || given.startsWith(known) || editDistance(known, given) <= 2;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            previous = current;
        }
        return previous[b.length()];
    }

    public static String names() { return ALL.stream().map(Dialect::name).collect(Collectors.joining(", ")); }

    /** A URL may carry a password as a parameter; never echo one back. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
