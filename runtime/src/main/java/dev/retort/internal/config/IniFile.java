package dev.retort.internal.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.interpol.Lookup;

/**
 * A {@code retort.ini} read with Commons Configuration (INI syntax, {@code ${env:…}}/{@code ${sys:…}} interpolation),
 * plus the line of every key, found by scanning the text, for error messages. No Commons type leaves this class.
 */
final class IniFile {
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)\\]");
    private static final Pattern KEY = Pattern.compile("^\\s*([^\\s=:;#\\[][^=:]*?)\\s*[=:]");

    private final String file;
    private final INIConfiguration ini;
    private final Map<String, Map<String, Integer>> lines;

    private IniFile(String file, INIConfiguration ini, Map<String, Map<String, Integer>> lines) {
        this.file = file;
        this.ini = ini;
        this.lines = lines;
    }

    /** @param env the environment {@code ${env:NAME}} reads (the process's, or a test's) */
    static IniFile read(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        INIConfiguration ini = new INIConfiguration();
        // Commons Configuration's default env lookup reads System.getenv; use the environment we were given instead.
        ini.getInterpolator().registerLookup("env", (Lookup) env::get);
        try {
            ini.read(new StringReader(text));
        } catch (ConfigurationException | IOException e) {
            throw new ConfigException(file + ": not a valid ini file: " + e.getMessage() + "; see the Retort README for its format", e);
        }
        return new IniFile(file.toString(), ini, lineIndex(text));
    }

    private static Map<String, Map<String, Integer>> lineIndex(String text) {
        Map<String, Map<String, Integer>> index = new HashMap<>();
        String section = "";
        int n = 0;
        for (String line : text.split("\r?\n|\r", -1)) {
            n++;
            Matcher s = SECTION.matcher(line);
            if (s.find()) { section = s.group(1).trim(); continue; }
            Matcher k = KEY.matcher(line);
            if (k.find()) index.computeIfAbsent(section, x -> new HashMap<>()).putIfAbsent(k.group(1), n);
        }
        return index;
    }

    String file() { return file; }

    boolean hasSection(String name) { return ini.getSections().contains(name); }

    List<String> sections() { return ini.getSections().stream().filter(Objects::nonNull).toList(); }

    /** The section's keys in file order, values interpolated. */
    Map<String, Setting> section(String name) {
        Map<String, Setting> out = new LinkedHashMap<>();
        SubnodeConfiguration section = ini.getSection(name);
        for (Iterator<String> keys = section.getKeys(); keys.hasNext(); ) {
            String escaped = keys.next();
            // Commons Configuration escapes a dot inside a key name as "..": pool..maximumPoolSize.
            String key = escaped.replace("..", ".");
            out.put(key, Setting.fromFile(section.getString(escaped), file, line(name, key), name));
        }
        return out;
    }

    int line(String section, String key) {
        return lines.getOrDefault(section, Map.of()).getOrDefault(key, 0);
    }
}
