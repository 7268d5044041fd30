package dev.retort.internal.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.*;
import java.util.regex.Pattern;

/**
 * The layered values of one configuration, read as typed values. A value that does not parse is a
 * {@link ConfigException} naming the key, where it was set (file:line and section, flag, -x or environment
 * variable), why it is wrong and what to write instead.
 */
final class Settings {
    private final Map<String, Setting> values;
    private final Path configFile;

    Settings(Map<String, Setting> values, Path configFile) {
        this.values = values;
        this.configFile = configFile;
    }

    Map<String, Setting> all() { return values; }

    String string(String key, String fallback) {
        Setting s = values.get(key);
        return s == null || s.value() == null ? fallback : s.value();
    }

    /** Where a key was set, or the configuration file when it was not set at all. */
    String where(String key) {
        Setting s = values.get(key);
        return s != null ? s.where() : configFile + " (" + key + " not set, default used)";
    }

    ConfigException bad(String key, String why, String fix) {
        Setting s = values.get(key);
        String shown = s == null ? "(default)" : key.endsWith("password") ? "***" : s.value();
        return new ConfigException(where(key) + ": " + key + " = " + shown + " " + why + "; " + fix);
    }

    List<String> list(String key) { return ConfigLoader.list(string(key, null)); }

    List<Path> paths(Path here, String key, String fallback) {
        return ConfigLoader.list(string(key, fallback)).stream().map(p -> here.resolve(p).normalize()).toList();
    }

    void requireFolders(String key, List<Path> paths) {
        for (Path p : paths)
            if (!Files.isDirectory(p))
                throw bad(key, "names " + p + ", which does not exist or is not a folder", "create the folder or fix " + key);
    }

    void requireExisting(String key, List<Path> paths) {
        for (Path p : paths)
            if (!Files.exists(p))
                throw bad(key, "names " + p + ", which does not exist", "create it (a folder of templates or a jar) or fix " + key);
    }

    boolean bool(String key, boolean fallback) {
        String s = string(key, null);
        if (s == null) return fallback;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, "is not a boolean", "write true or false");
        };
    }

    /** One of an enum's constants, written in lower case; anything else names the key, where it was set and the choices. */
    <E extends Enum<E>> E choice(String key, Class<E> choices, E fallback) {
        String s = string(key, null);
        if (s == null || s.isBlank()) return fallback;
        for (E e : choices.getEnumConstants())
            if (e.name().equalsIgnoreCase(s.trim())) return e;
        throw bad(key, "is not one of the allowed values", "write " + Arrays.stream(choices.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", ", "", "")).replaceAll(", ([^,]*)$", " or $1"));
    }

    int positiveInt(String key, int fallback) {
        String s = string(key, null);
        if (s == null) return fallback;
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "is not a whole number above 0", "write e.g. " + fallback);
    }

    Duration duration(String key, Duration fallback) {
        String s = string(key, null);
        if (s == null) return fallback;
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw bad(key, "is not a duration", "write e.g. 60s, 500ms or 2m");
        }
    }

    String zone(String key, String fallback) {
        String s = string(key, fallback).trim();
        try {
            ZoneId.of(s);
            return s;
        } catch (DateTimeException e) {
            throw bad(key, "is not a time zone", "write a zone id such as UTC or Europe/Lisbon");
        }
    }

    /** Alembic's file_template, with the ini file's {@code %%} escaping undone; every token must be known. */
    String fileTemplate(String key, String fallback) {
        String t = string(key, fallback).replace("%%", "%");
        var m = Pattern.compile("%\\((\\w*)\\)").matcher(t);
        while (m.find())
            if (!RetortConfig.FILE_TEMPLATE_TOKENS.contains(m.group(1)))
                throw bad(key, "uses the unknown token %(" + m.group(1) + ")", "use only " + String.join(", ", RetortConfig.FILE_TEMPLATE_TOKENS));
        return t;
    }
}
