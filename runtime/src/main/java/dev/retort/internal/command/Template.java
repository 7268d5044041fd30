package dev.retort.internal.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A project template: {@code retort.ini}, {@code versions/} and the revision templates {@code script.groovy.tmpl} /
 * {@code script.kts.tmpl}, as files by relative path ('/'-separated; a path ending in '/' is an empty folder).
 *
 * @param location the folder or jar holding it (what {@code template_locations} points at), or null when it is found by
 *                 name alone (built in, or on the class path)
 * @param origin   where it comes from, as {@code list-templates} shows it: {@code built-in}, {@code classpath:NAME}, …
 */
public record Template(String name, Path location, String origin, String description, SortedMap<String, byte[]> files) {
    public static final String CONFIG_FILE = "retort.ini";

    public Template {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public boolean builtIn() { return location == null && origin.equals("built-in"); }

    public Optional<String> text(String path) {
        byte[] b = files.get(path);
        return b == null ? Optional.empty() : Optional.of(new String(b, StandardCharsets.UTF_8));
    }

    /** The first comment line of its retort.ini, which says what the template is for. */
    static String describe(SortedMap<String, byte[]> files) {
        byte[] ini = files.get(CONFIG_FILE);
        if (ini == null) return "";
        return new String(ini, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.startsWith("#") || l.startsWith(";"))
                .map(l -> l.replaceFirst("^[#;]+\\s*", "")).findFirst().orElse("");
    }
}
