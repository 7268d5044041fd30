package dev.retort.internal.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code // retort:nolint RT102} comments of one revision script. A comment silences the rules it names (all of them
 * when it names none) for the operation on its line, or, on a line of its own, for the operation on the line below. Codes
 * may be separated by commas or spaces; words after them are the reason, for the reader.
 */
final class Suppressions {
    private static final Pattern NOLINT = Pattern.compile("retort:nolint\\b((?:[\\s,]*RT\\d{3})*)", Pattern.CASE_INSENSITIVE);
    private final List<String> lines;

    private Suppressions(List<String> lines) { this.lines = lines; }

    static Suppressions of(Path script) {
        try {
            return new Suppressions(Files.readAllLines(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script + " to look for retort:nolint comments: " + e.getMessage(), e);
        }
    }

    boolean silences(Rule rule, int line) { return silencedOn(rule, line, false) || silencedOn(rule, line - 1, true); }

    /** @param commentOnly the line must hold only the comment: a previous operation's own comment does not reach below it */
    private boolean silencedOn(Rule rule, int line, boolean commentOnly) {
        if (line < 1 || line > lines.size()) return false;
        String text = lines.get(line - 1);
        if (commentOnly && !text.stripLeading().startsWith("//") && !text.stripLeading().startsWith("/*")) return false;
        Matcher m = NOLINT.matcher(text);
        if (!m.find()) return false;
        String codes = m.group(1).trim();
        if (codes.isEmpty()) return true;
        for (String code : codes.split("[\\s,]+"))
            if (code.toUpperCase(Locale.ROOT).equals(rule.code())) return true;
        return false;
    }
}
