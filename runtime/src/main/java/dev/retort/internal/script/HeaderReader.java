package dev.retort.internal.script;

import dev.retort.internal.graph.Revision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a revision's header calls ({@code revision}, {@code revises}, {@code message}, {@code branchLabels},
 * {@code dependsOn}, a squash's {@code replaces}) straight from the source text, so the graph is known without compiling any script.
 * Header calls start at column 0 and take string literals only, in Groovy ({@code revises 'a', 'b'}) or
 * Kotlin ({@code revises("a", "b")}) form.
 */
public final class HeaderReader {
    private static final Set<String> KEYS = Set.of("revision", "revises", "message", "branchLabels", "dependsOn", "replaces");
    /** First letters of the header keys: other lines are skipped without a closer look. */
    private static final String HEAD_CHARS = "rmbd";

    private HeaderReader() {}

    public static Revision read(Path file, String text) {
        Map<String, List<String>> values = new java.util.HashMap<>();
        Map<String, Integer> lines = new java.util.HashMap<>();
        boolean inBlockComment = false;
        // Walk the lines by index: splitting 10,000 files with a regex costs more than reading them.
        int lineNo = 0;
        for (int start = 0; start <= text.length(); ) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            lineNo++;
            String line = null;
            if (inBlockComment) {
                if (closesComment(text, start, end)) inBlockComment = false;
            } else if (text.startsWith("/*", start)) {
                inBlockComment = !closesComment(text, start + 2, end);
            } else if (end > start && HEAD_CHARS.indexOf(text.charAt(start)) >= 0) {
                line = text.substring(start, end);
            }
            if (line != null) {
                String key = keyOf(line);
                if (key != null) {
                    if (lines.containsKey(key))
                        throw new ScriptException(file, lineNo, "'" + key + "' is declared twice (first at line " + lines.get(key) + ")");
                    lines.put(key, lineNo);
                    values.put(key, arguments(file, lineNo, key, line.substring(key.length())));
                }
            }
            if (end >= text.length()) break;
            start = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
        }
        if (!values.containsKey("revision"))
            throw new ScriptException(file, 1, "no revision header; the script must start with revision 'ID' (12 hex characters, e.g. revision '3f2a1c9d0b7e')");
        List<String> id = values.get("revision");
        if (id.size() != 1 || id.get(0).isBlank())
            throw new ScriptException(file, lines.get("revision"), "revision takes exactly one non-empty id");
        List<String> message = values.getOrDefault("message", List.of(""));
        if (message.size() != 1) throw new ScriptException(file, lines.get("message"), "message takes exactly one string");
        List<String> replaces = values.getOrDefault("replaces", List.of());
        if (lines.containsKey("replaces") && replaces.isEmpty())
            throw new ScriptException(file, lines.get("replaces"), "replaces names the revisions a squash stands for; give at least one id");
        return new Revision(id.get(0), values.getOrDefault("revises", List.of()), values.getOrDefault("dependsOn", List.of()),
                values.getOrDefault("branchLabels", List.of()), message.get(0), replaces);
    }

    /**
     * The other tool's versions a revision takes over ({@code adopts 'flyway:42'}, {@code adopts("alembic:1a2b3c")}),
     * read like the other header calls; empty when it has no such line. Only {@code retort adopt} reads it, so the graph
     * does not carry it.
     */
    public static List<String> adopts(Path file, String text) {
        List<String> out = null;
        int first = 0, lineNo = 0;
        boolean inBlockComment = false;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            lineNo++;
            if (inBlockComment) { inBlockComment = !line.contains("*/"); continue; }
            if (line.startsWith("/*")) { inBlockComment = !line.substring(2).contains("*/"); continue; }
            if (!line.startsWith("adopts") || line.length() == 6 || " (\'\"\t".indexOf(line.charAt(6)) < 0) continue;
            if (out != null) throw new ScriptException(file, lineNo, "'adopts' is declared twice (first at line " + first + ")");
            first = lineNo;
            out = arguments(file, lineNo, "adopts", line.substring(6));
            for (String v : out)
                if (v.indexOf(':') <= 0 || v.endsWith(":"))
                    throw new ScriptException(file, lineNo, "adopts takes TOOL:VERSION values such as 'flyway:42', 'alembic:1a2b3c' "
                            + "or 'liquibase:changeset-id'; got '" + v + "'");
        }
        return out == null ? List.of() : out;
    }

    private static boolean closesComment(String text, int from, int end) {
        for (int i = from; i + 1 < end; i++) if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') return true;
        return false;
    }

    /** The header key a line starts with, when it is a call (followed by a space, quote or parenthesis). */
    private static String keyOf(String line) {
        int end = 0;
        while (end < line.length() && Character.isJavaIdentifierPart(line.charAt(end))) end++;
        if (end == 0 || end == line.length()) return null;
        String word = line.substring(0, end);
        char next = line.charAt(end);
        return KEYS.contains(word) && (next == ' ' || next == '(' || next == '\'' || next == '"' || next == '\t') ? word : null;
    }

    /** Parses {@code 'a', "b"} or {@code ("a", "b")} followed by nothing but an optional line comment. */
    private static List<String> arguments(Path file, int lineNo, String key, String rest) {
        String s = rest.strip();
        boolean parens = s.startsWith("(");
        if (parens) s = s.substring(1).strip();
        List<String> out = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= s.length() || (s.charAt(i) != '\'' && s.charAt(i) != '"')) {
                if (parens && i < s.length() && s.charAt(i) == ')' && out.isEmpty()) { i++; break; }
                throw new ScriptException(file, lineNo, key + " takes string literals only (so the revision graph can be read "
                        + "without compiling), e.g. " + key + " '" + (key.equals("message") ? "add email" : "3f2a1c9d0b7e") + "'");
            }
            char quote = s.charAt(i);
            StringBuilder value = new StringBuilder();
            int j = i + 1;
            for (; j < s.length() && s.charAt(j) != quote; j++) {
                char c = s.charAt(j);
                if (c == '\\' && j + 1 < s.length()) { value.append(s.charAt(++j)); continue; }
                if (c == '$' && quote == '"')
                    throw new ScriptException(file, lineNo, key + " must be a plain literal; '$' interpolation is not allowed in a header");
                value.append(c);
            }
            if (j >= s.length()) throw new ScriptException(file, lineNo, "unterminated string in " + key);
            out.add(value.toString());
            i = skipSpaces(s, j + 1);
            if (i < s.length() && s.charAt(i) == ',') { i = skipSpaces(s, i + 1); continue; }
            if (parens) {
                if (i >= s.length() || s.charAt(i) != ')') throw new ScriptException(file, lineNo, "missing ')' after " + key + " arguments");
                i++;
            }
            break;
        }
        String trailing = s.substring(Math.min(i, s.length())).strip();
        if (!trailing.isEmpty() && !trailing.startsWith("//") && !trailing.equals(";"))
            throw new ScriptException(file, lineNo, "unexpected text after " + key + ": '" + trailing + "'");
        return out;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
