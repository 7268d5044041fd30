package dev.retort.internal.command;

import dev.retort.internal.config.RetortConfig;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic's {@code file_template}: {@code %(year)d_%(month).2d-%(rev)s_%(slug)s}, Python %-formatting of the
 * tokens of {@link RetortConfig#FILE_TEMPLATE_TOKENS}; {@code .2d} and {@code 02d} pad with zeros.
 */
public final class FileNameTemplate {
    private static final Pattern TOKEN = Pattern.compile("%\\((\\w+)\\)(?:\\.(\\d+)|0(\\d+))?([ds])");
    // Python's \w is Unicode-aware; Alembic's slug keeps accented letters, so ours does too.
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private FileNameTemplate() {}

    public static String render(String template, String rev, String message, ZonedDateTime when, int truncateSlugLength) {
        Map<String, Object> tokens = Map.of(
                "rev", rev, "slug", slug(message, truncateSlugLength), "epoch", when.toEpochSecond(),
                "year", when.getYear(), "month", when.getMonthValue(), "day", when.getDayOfMonth(),
                "hour", when.getHour(), "minute", when.getMinute(), "second", when.getSecond());
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = tokens.get(m.group(1));
            if (value == null)
                throw new IllegalArgumentException("file_template uses unknown token %(" + m.group(1) + "); use only "
                        + String.join(", ", RetortConfig.FILE_TEMPLATE_TOKENS));
            String width = m.group(2) != null ? m.group(2) : m.group(3);
            String text = value.toString();
            if (width != null && m.group(4).equals("d") && value instanceof Number n) text = String.format("%0" + width + "d", n.longValue());
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Words of the message joined by underscores, lower case, cut at a word boundary like Alembic. */
    public static String slug(String message, int truncate) {
        StringBuilder sb = new StringBuilder();
        Matcher m = WORD.matcher(message == null ? "" : message);
        while (m.find()) { if (sb.length() > 0) sb.append('_'); sb.append(m.group()); }
        String slug = sb.toString().toLowerCase(Locale.ROOT);
        if (slug.length() > truncate) {
            String cut = slug.substring(0, truncate);
            int last = cut.lastIndexOf('_');
            slug = (last >= 0 ? cut.substring(0, last) : cut) + "_";
        }
        return slug;
    }
}
