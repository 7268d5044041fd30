package dev.retort.internal.fleet;

import dev.retort.internal.db.Database;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One database (or schema) of a fleet: its name, its JDBC URL (null for a data source an application hands the Java
 * API), and where it was declared ({@code targets.txt:7}) for messages. The URL may carry a password; {@link #safeUrl()}
 * and {@link #redact(String)} are what gets printed.
 */
public record FleetTarget(String name, String url, String where) {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)password=([^&;]*)");
    private static final Pattern USER_INFO = Pattern.compile("//[^/:@]+:([^@/]*)@");

    public FleetTarget {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a fleet target needs a name");
    }

    /** The URL with any password masked. */
    public String safeUrl() { return url == null ? null : Database.safeUrl(url); }

    /** The text with this target's password (as written in its URL, and URL-decoded) masked: for driver messages. */
    public String redact(String text) {
        if (text == null || url == null) return text;
        String out = text;
        for (String secret : secrets()) if (!secret.isEmpty()) out = out.replace(secret, "***");
        return out;
    }

    private List<String> secrets() {
        List<String> out = new ArrayList<>();
        for (Pattern p : List.of(PASSWORD_PARAMETER, USER_INFO)) {
            Matcher m = p.matcher(url);
            while (m.find()) {
                out.add(m.group(1));
                try {
                    out.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // Not URL-encoded; the raw form is already listed.
                }
            }
        }
        return out;
    }
}
