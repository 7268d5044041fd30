package dev.retort.config;

import dev.retort.script.ScriptLanguage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Reads {@code retort.ini} with Commons Configuration and layers the sources, highest first: command-line
 * flags, {@code -x KEY=VALUE}, {@code RETORT_*} environment variables, the chosen section, {@code [retort]},
 * defaults. Commons Configuration types stay inside this class.
 */
public final class ConfigLoader {
    public static final String MAIN_SECTION = "retort";
    static final String DEFAULT_FILE_TEMPLATE = "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s";

    private ConfigLoader() {}

    /**
     * @param file      the ini file; when it does not exist, only defaults, environment and flags apply
     * @param section   the environment section to overlay on {@code [retort]}, or null
     * @param x         {@code -x} values
     * @param env       the process environment (passed in so it can be tested)
     * @param flags     keys set by command-line flags ({@code url}, {@code user}, {@code password})
     */
    public static RetortConfig load(Path file, String section, Map<String, String> x, Map<String, String> env, Map<String, String> flags) {
        Path configFile = file.toAbsolutePath().normalize();
        Path here = configFile.getParent();
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(configFile)) {
            INIConfiguration ini = read(configFile);
            copySection(ini, MAIN_SECTION, values);
            if (section != null) {
                if (!ini.getSections().contains(section))
                    throw new ConfigException("section [" + section + "] is not in " + configFile + "; its sections are "
                            + ini.getSections().stream().filter(Objects::nonNull).toList());
                copySection(ini, section, values);
            }
        } else if (section != null) {
            throw new ConfigException("configuration file " + configFile + " does not exist, so section [" + section + "] cannot be read");
        }
        env.forEach((k, v) -> {
            if (k.startsWith("RETORT_") && !k.equals("RETORT_ENV"))
                values.put(k.substring("RETORT_".length()).toLowerCase(Locale.ROOT), v);
        });
        values.putAll(x);
        values.putAll(flags);
        values.replaceAll((k, v) -> v == null ? null : v.replace("${here}", here.toString()));
        return build(configFile, here, values);
    }

    private static INIConfiguration read(Path file) {
        INIConfiguration ini = new INIConfiguration();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ini.read(reader);
        } catch (IOException | ConfigurationException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return ini;
    }

    private static void copySection(INIConfiguration ini, String name, Map<String, String> into) {
        SubnodeConfiguration section = ini.getSection(name);
        for (Iterator<String> keys = section.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            // Commons Configuration splits on commas only when told to; read the raw, interpolated string.
            into.put(key.replace("..", "."), section.getString(key));
        }
    }

    private static RetortConfig build(Path configFile, Path here, Map<String, String> v) {
        List<Path> versionLocations = paths(here, v.getOrDefault("version_locations", "versions"));
        Map<String, String> pool = new TreeMap<>();
        Map<String, String> hooks = new TreeMap<>();
        List<String> hookNames = list(v.get("post_write_hooks"));
        v.forEach((k, value) -> {
            if (k.startsWith("pool.")) pool.put(k.substring(5), value);
            int dot = k.indexOf('.');
            if (dot > 0 && hookNames.contains(k.substring(0, dot))) hooks.put(k, value);
        });
        return new RetortConfig(configFile, here, versionLocations, bool(v, "recursive_version_locations", false),
                v.getOrDefault("url", "jdbc:h2:file:" + here.resolve(".retort/retort")),
                v.get("user"), v.get("password"),
                ScriptLanguage.byName(v.getOrDefault("language", "groovy")),
                v.get("template"),
                paths(here, v.getOrDefault("template_locations", "")),
                v.getOrDefault("file_template", DEFAULT_FILE_TEMPLATE).replace("%%", "%"),
                v.getOrDefault("timezone", "UTC"),
                integer(v, "truncate_slug_length", 40),
                v.getOrDefault("version_table", "retort_version"),
                v.getOrDefault("history_table", "retort_history"),
                bool(v, "transaction_per_migration", false),
                v.containsKey("model") ? here.resolve(v.get("model")).normalize() : null,
                hookNames, hooks,
                bool(v, "create_database", false),
                duration(v, "lock_timeout", Duration.ofSeconds(60)),
                pool,
                here.resolve(v.getOrDefault("cache_dir", ".retort/cache")).normalize(),
                Map.of());
    }

    /** Splits on spaces, commas or the OS path separator, as Alembic does. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.trim().split("[\\s,]+|" + java.util.regex.Pattern.quote(java.io.File.pathSeparator)))
                .filter(s -> !s.isBlank()).toList();
    }

    private static List<Path> paths(Path here, String value) {
        return list(value).stream().map(s -> here.resolve(s).normalize()).toList();
    }

    private static boolean bool(Map<String, String> v, String key, boolean fallback) {
        String s = v.get(key);
        if (s == null) return fallback;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key + " = " + s + " is not a boolean; use true or false");
        };
    }

    private static int integer(Map<String, String> v, String key, int fallback) {
        String s = v.get(key);
        if (s == null) return fallback;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " = " + s + " is not a whole number");
        }
    }

    private static Duration duration(Map<String, String> v, String key, Duration fallback) {
        String s = v.get(key);
        if (s == null) return fallback;
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " = " + s + " is not a duration; write e.g. 60s, 500ms or 2m");
        }
    }
}
