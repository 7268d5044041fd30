package dev.retort.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code retort.ini}: sections, {@code key = value} (or {@code key: value}) lines with the line of every key for error
 * messages, and {@code ${env:NAME}}/{@code ${sys:name}} interpolation. It reads the INI dialect Commons Configuration
 * reads (the library this replaced, which cost a tenth of a second of every launch): {@code #} and {@code ;} start a
 * comment line, and a comment after a value when whitespace precedes it; a value may be quoted ({@code "…"} or
 * {@code '…'}, with {@code \} escaping the quote); an unquoted value ending in {@code \} continues on the next line;
 * a key repeated in a section keeps its first value. Other {@code ${…}} forms are left as written, for the loader
 * ({@code ${here}}) or for the warning an unset variable gets.
 */
final class IniFile {
    private static final String COMMENT_CHARS = "#;";

    private final String file;
    /** Section name to its keys in file order; keys before any section header are in the section named "". */
    private final Map<String, Map<String, Entry>> sections;

    private record Entry(String value, int line) {}

    private IniFile(String file, Map<String, Map<String, Entry>> sections) {
        this.file = file;
        this.sections = sections;
    }

    /** @param env the environment {@code ${env:NAME}} reads (the process's, or a test's) */
    static IniFile read(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new IniFile(file.toString(), parse(text, env));
    }

    private static Map<String, Map<String, Entry>> parse(String text, Map<String, String> env) {
        Map<String, Map<String, Entry>> out = new LinkedHashMap<>();
        // A byte-order mark (some Windows editors write one) is not part of the first line's section header.
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        Map<String, Entry> section = out.computeIfAbsent("", s -> new LinkedHashMap<>());
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty() || COMMENT_CHARS.indexOf(line.charAt(0)) >= 0) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = out.computeIfAbsent(line.substring(1, line.length() - 1).trim(), s -> new LinkedHashMap<>());
                continue;
            }
            int keyLine = n + 1;
            int sep = separator(line);
            String key = (sep < 0 ? line : line.substring(0, sep)).trim();
            StringBuilder value = new StringBuilder();
            if (sep >= 0) {
                String rest = line.substring(sep + 1);
                while (true) {
                    Value v = value(rest);
                    value.append(v.text());
                    if (!v.continues() || n + 1 >= lines.length) break;
                    value.append('\n');
                    rest = lines[++n];
                }
            }
            if (!key.isEmpty()) section.putIfAbsent(key, new Entry(interpolate(value.toString(), env), keyLine));
        }
        return out;
    }

    /**
     * The first {@code =} or {@code :} of the line. (Commons Configuration looked before the first quote first, then
     * anywhere, which comes to the same: the first one before a quote is the first one.)
     */
    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') return i;
        }
        return -1;
    }

    private record Value(String text, boolean continues) {}

    /** One line's part of a value: quoted up to its closing quote, or up to a comment; a trailing {@code \} continues it. */
    private static Value value(String raw) {
        String v = raw.trim();
        boolean quoted = v.startsWith("\"") || v.startsWith("'");
        StringBuilder out = new StringBuilder();
        char quote = quoted ? v.charAt(0) : 0;
        boolean escape = false;
        char last = 0;
        int i = quoted ? 1 : 0;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted) {
                if (c == '\\' && !escape) { escape = true; last = c; continue; }
                if (!escape && c == quote) { i++; break; }
                if (escape && c != quote) out.append('\\');
                escape = false;
                out.append(c);
            } else if (COMMENT_CHARS.indexOf(c) >= 0 && Character.isWhitespace(last)) {
                break;
            } else {
                out.append(c);
            }
            last = c;
        }
        if (quoted) {
            String after = v.substring(Math.min(i, v.length())).trim();
            return new Value(out.toString(), after.endsWith("\\") && !after.startsWith(";") && !after.startsWith("#"));
        }
        String text = out.toString().trim();
        boolean continues = text.endsWith("\\");
        return new Value(continues ? text.substring(0, text.length() - 1).trim() : text, continues);
    }

    /** {@code ${env:NAME}} and {@code ${sys:name}} where set; anything else stays as written. */
    private static String interpolate(String value, Map<String, String> env) {
        if (!value.contains("${")) return value;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            int end = start < 0 ? -1 : value.indexOf('}', start + 2);
            if (start < 0 || end < 0) { out.append(value, i, value.length()); break; }
            out.append(value, i, start);
            String ref = value.substring(start + 2, end);
            String found = null;
            if (ref.startsWith("env:")) found = env.get(ref.substring(4));
            else if (ref.startsWith("sys:")) found = System.getProperty(ref.substring(4));
            out.append(found != null ? found : value.substring(start, end + 1));
            i = end + 1;
        }
        return out.toString();
    }

    String file() { return file; }

    boolean hasSection(String name) { return sections.containsKey(name); }

    List<String> sections() {
        List<String> out = new ArrayList<>();
        for (String name : sections.keySet()) if (!name.isEmpty()) out.add(name);
        return out;
    }

    /** The section's keys in file order, values interpolated. */
    Map<String, Setting> section(String name) {
        Map<String, Setting> out = new LinkedHashMap<>();
        sections.getOrDefault(name, Map.of()).forEach((key, e) -> out.put(key, Setting.fromFile(e.value(), file, e.line(), name)));
        return out;
    }

    int line(String section, String key) {
        Entry e = sections.getOrDefault(section, Map.of()).get(key);
        return e == null ? 0 : e.line();
    }
}
