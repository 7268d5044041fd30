package dev.retort.command;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic's {@code file_template}: {@code %(year)d_%(month).2d-%(rev)s_%(slug)s}. Tokens: rev, slug, epoch,
 * year, month, day, hour, minute, second; {@code .2d} pads with zeros.
 */
public final class FileNameTemplate {
    private static final Pattern TOKEN = Pattern.compile("%\\((\\w+)\\)(?:\\.(\\d+))?([ds])");
    private static final Pattern WORD = Pattern.compile("\\w+");

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
                throw new IllegalArgumentException("file_template uses unknown token %(" + m.group(1) + "); known: " + String.join(", ", tokens.keySet()));
            String text = value.toString();
            if (m.group(2) != null && m.group(3).equals("d")) text = String.format("%0" + m.group(2) + "d", ((Number) value).longValue());
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
        String slug = sb.toString().toLowerCase();
        if (slug.length() > truncate) {
            String cut = slug.substring(0, truncate);
            int last = cut.lastIndexOf('_');
            slug = (last > 0 ? cut.substring(0, last) : cut) + "_";
        }
        return slug;
    }
}
