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

    public static String names() { return ALL.stream().map(Dialect::name).collect(Collectors.joining(", ")); }

    /** A URL may carry a password as a parameter; never echo one back. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
