package dev.retort.internal.script;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts parentheses around the arguments of simple command expressions with named arguments before a revision is
 * compiled: {@code column 'id', integer, primaryKey: true} becomes {@code column('id', integer, primaryKey: true)}.
 * <p>
 * Why: Groovy's parser first tries ANTLR's fast SLL prediction and, when that fails, parses the whole file again in full
 * LL mode. A named argument in a command expression always makes the fast mode fail, so every typical revision was parsed
 * twice, the second time slowly: profiled, that second parse was most of a cold compile. The two forms are the same call
 * to Groovy (same method, arguments and line), so the class files only differ in nothing the script can observe.
 * <p>
 * The rewrite is deliberately narrow: one whole line, a lower-case command name that is no keyword, arguments that are
 * plain literals, names, simple calls such as {@code string(100)} or {@code now()}, or lists of literals; nothing before
 * or after it on neighbouring lines that could make the line part of a longer expression; and no script with multi-line
 * strings or block comments at all. Anything else is left exactly as written.
 */
final class CommandCalls {
    private CommandCalls() {}

    /** Changes to the rewrite change the compiled classes: part of the compile cache key. */
    static final String VERSION = "command-calls 1";

    private static final String STR = "(?:'[^'\\\\$\\n]*'|\"[^\"\\\\$\\n]*\")";
    private static final String NUM = "(?:-?\\d+(?:\\.\\d+)?[GLDFgldf]?)";
    private static final String NAME = "(?:[A-Za-z_][A-Za-z0-9_]*)";
    private static final String ATOM = "(?:" + STR + "|" + NUM + "|" + NAME + ")";
    private static final String CALL = "(?:" + NAME + "\\(\\s*(?:" + ATOM + "(?:\\s*,\\s*" + ATOM + ")*)?\\s*\\))";
    private static final String LIST = "(?:\\[\\s*(?:(?:" + STR + "|" + NUM + ")(?:\\s*,\\s*(?:" + STR + "|" + NUM + "))*)?\\s*\\])";
    private static final String VALUE = "(?:" + STR + "|" + NUM + "|" + CALL + "|" + LIST + "|" + NAME + ")";
    private static final String ARG = "(?:" + NAME + "\\s*:\\s*" + VALUE + "|" + VALUE + ")";
    /** indent, command name, the arguments (one at least named), an optional line comment. */
    private static final Pattern COMMAND = Pattern.compile(
            "([ \\t]*)([a-z][A-Za-z0-9_]*) ((?=.*?" + NAME + "\\s*:)" + ARG + "(?:\\s*,\\s*" + ARG + ")*)([ \\t]*(?://.*)?)");
    private static final Set<String> KEYWORDS = Set.of("abstract", "as", "assert", "break", "case", "catch", "class", "const", "continue",
            "def", "default", "do", "else", "enum", "extends", "final", "finally", "for", "goto", "if", "implements", "import", "in",
            "instanceof", "interface", "native", "new", "package", "private", "protected", "public", "return", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "trait", "transient", "try", "var", "void", "volatile",
            "while", "yield", "record", "sealed", "non", "permits");

    /** The script text with its simple command expressions parenthesised; the same text when there is nothing to do. */
    static String parenthesize(String text) {
        if (text.contains("'''") || text.contains("\"\"\"") || text.contains("/*") || text.contains("$/") || text.indexOf('\r') >= 0)
            return text;
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            var m = COMMAND.matcher(lines[i]);
            if (!m.matches() || KEYWORDS.contains(m.group(2))) continue;
            if (continuesPrevious(lines, i) || continuedByNext(lines, i)) continue;
            lines[i] = m.group(1) + m.group(2) + "(" + m.group(3) + ")" + m.group(4);
            changed = true;
        }
        return changed ? String.join("\n", lines) : text;
    }

    /** The line before (ignoring blank ones) ends in a way that makes this line part of its expression. */
    private static boolean continuesPrevious(String[] lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            String s = withoutLineComment(lines[j]).strip();
            if (s.isEmpty()) continue;
            char last = s.charAt(s.length() - 1);
            return ",([=+-*/%&|^!?:<>.\\~".indexOf(last) >= 0;
        }
        return false;
    }

    /** The next non-blank line starts with something that would continue this line's expression. */
    private static boolean continuedByNext(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            String s = lines[j].strip();
            if (s.isEmpty() || s.startsWith("//")) continue;
            return ".?*&|+-=<>:^%/[(".indexOf(s.charAt(0)) >= 0 && !s.startsWith("//");
        }
        return false;
    }

    /** A line without a trailing {@code //} comment, when the comment is clearly outside any string (no quotes before it). */
    private static String withoutLineComment(String line) {
        int comment = line.indexOf("//");
        if (comment < 0) return line;
        String before = line.substring(0, comment);
        return before.indexOf('\'') < 0 && before.indexOf('"') < 0 ? before : line;
    }
}
