package dev.retort.internal.fleet;

import dev.retort.internal.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a fleet's targets file: one target a line, {@code name jdbc-url}, or {@code name} alone with the URL made from
 * {@code fleet_url} ({@code {name}} replaced by the name); {@code #} starts a comment, blank lines are skipped. A line
 * that is none of these is an error naming the file and line.
 */
public final class TargetsFile {
    /** Names go into URLs (a schema or database name), so they keep to characters every database and URL accepts. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    public static final String NAME_PLACEHOLDER = "{name}";

    private TargetsFile() {}

    /**
     * @param fleetUrl       the {@code fleet_url} setting, or null when it is not set
     * @param fleetUrlOrigin where {@code fleet_url} was set (or would be), for messages
     */
    public static List<FleetTarget> read(Path file, String fleetUrl, String fleetUrlOrigin) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("the targets file " + file.toAbsolutePath().normalize() + " does not exist; write one target a line "
                    + "('name jdbc-url', or 'name' with fleet_url set in retort.ini) and pass it with --targets FILE");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException("cannot read the targets file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines, fleetUrl, fleetUrlOrigin);
    }

    static List<FleetTarget> parse(String fileName, List<String> lines, String fleetUrl, String fleetUrlOrigin) {
        if (fleetUrl != null && !fleetUrl.contains(NAME_PLACEHOLDER))
            throw new ConfigException(fleetUrlOrigin + ": fleet_url = " + dev.retort.internal.db.Database.safeUrl(fleetUrl)
                    + " has no " + NAME_PLACEHOLDER + ", so every target would get the same database; write the tenant's place as "
                    + NAME_PLACEHOLDER + ", e.g. jdbc:postgresql://host/app?currentSchema={name}");
        Map<String, FleetTarget> byName = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = fileName + ":" + (i + 1);
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) continue;
            String[] fields = line.split("\\s+");
            String name = fields[0];
            if (!NAME.matcher(name).matches())
                throw bad(where, lines.get(i), "'" + name + "' is not a target name (letters, digits, '_', '.' and '-', not starting with '.' or '-')",
                        "rename the target");
            if (fields.length > 2)
                throw bad(where, lines.get(i), "a line holds a name and at most one JDBC URL",
                        "write 'name jdbc-url' (a URL has no spaces; encode one as %20)");
            String url;
            if (fields.length == 2) {
                url = fields[1];
                if (!url.startsWith("jdbc:"))
                    throw bad(where, lines.get(i), "the second field is not a JDBC URL (it must start with jdbc:)", "write 'name jdbc-url'");
            } else if (fleetUrl != null) {
                url = fleetUrl.replace(NAME_PLACEHOLDER, name);
            } else {
                throw bad(where, lines.get(i), "the line names target '" + name + "' without a URL, and fleet_url is not set",
                        "add the JDBC URL after the name, or set fleet_url in retort.ini (e.g. fleet_url = jdbc:postgresql://host/app?currentSchema={name})");
            }
            FleetTarget earlier = byName.get(name);
            if (earlier != null)
                throw bad(where, lines.get(i), "target '" + name + "' is already listed at " + earlier.where(), "list each target once");
            byName.put(name, new FleetTarget(name, url, where));
        }
        return List.copyOf(byName.values());
    }

    /** {@code #} starts a comment: at the start of a line, or after white space (a URL may hold '#'). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++)
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        return line;
    }

    private static ConfigException bad(String where, String line, String why, String fix) {
        return new ConfigException(where + ": " + dev.retort.internal.db.Database.safeUrl(line.strip()) + ": " + why + "; " + fix);
    }
}
