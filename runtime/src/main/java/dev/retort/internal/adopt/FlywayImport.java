package dev.retort.internal.adopt;

import dev.retort.internal.command.FileNameTemplate;
import dev.retort.internal.command.Project;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.script.ScriptLanguage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code import flyway DIR}: each {@code V<n>__<desc>.sql} becomes a revision, chained in Flyway's version order, whose
 * upgrade is {@code sqlFile('sql/V<n>__<desc>.sql')} and whose header says {@code adopts 'flyway:<n>'}; an
 * {@code U<n>__…sql} undo file becomes its downgrade. The SQL files are copied into {@code sql/} beside the revisions, so
 * the project no longer needs Flyway's folder. Versions a revision already adopts are left alone, so a second import
 * adds only the new files.
 */
public final class FlywayImport {
    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The folder, beside the revisions, that receives the SQL files. */
    static final String SQL_FOLDER = "sql";

    private FlywayImport() {}

    /** One Flyway migration: its version, the versioned file and its undo file when there is one. */
    private record Migration(FlywayVersion version, String description, Path file, Path undo) {}

    /** @return the revision files written, in version order */
    public static List<Path> run(Project project, Path dir, ScriptLanguage language, ZonedDateTime now, Consumer<String> warnings) {
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException("import flyway: " + dir.toAbsolutePath() + " is not a folder; give the folder that holds "
                    + "Flyway's V<version>__<description>.sql files (Flyway's default is src/main/resources/db/migration)");
        List<Migration> migrations = scan(dir, warnings);
        if (migrations.isEmpty())
            throw new IllegalArgumentException("import flyway: " + dir.toAbsolutePath() + " holds no V<version>__<description>.sql file");
        Map<FlywayVersion, String> adopted = Adoptions.flyway(project);
        List<String> heads = project.graph().heads();
        if (heads.size() > 1)
            throw new GraphException("import flyway: the project has several heads " + heads + "; merge them first (retort merge) "
                    + "so the imported revisions have one revision to follow");
        RetortConfig config = project.config();
        if (config.versionLocations().isEmpty()) throw new IllegalArgumentException("import flyway: the project has no version location");
        Path versions = config.versionLocations().get(0);
        String parent = heads.isEmpty() ? null : heads.get(0);
        ZonedDateTime when = now.withZoneSameInstant(ZoneId.of(config.timezone()));
        List<Path> written = new ArrayList<>();
        for (Migration m : migrations) {
            if (adopted.containsKey(m.version())) {
                warnings.accept("flyway:" + m.version() + " (" + m.file().getFileName() + ") is already adopted by revision "
                        + adopted.get(m.version()) + "; not imported again");
                continue;
            }
            String rev = HexFormat.of().formatHex(randomBytes());
            String upgrade = copy(m.file(), versions);
            String downgrade = m.undo() == null ? null : copy(m.undo(), versions);
            String text = script(language, rev, parent, m, upgrade, downgrade);
            Path file = versions.resolve(FileNameTemplate.render(config.fileTemplate(), rev, m.description(), when,
                    config.truncateSlugLength()) + language.extension());
            write(file, text);
            written.add(file);
            parent = rev;
        }
        return written;
    }

    /** The migrations of a Flyway folder (its subfolders too, as Flyway scans them), in version order. */
    private static List<Migration> scan(Path dir, Consumer<String> warnings) {
        Map<FlywayVersion, Path> versioned = new TreeMap<>();
        Map<FlywayVersion, Path> undo = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher v = VERSIONED.matcher(name);
                if (v.matches()) {
                    Map<FlywayVersion, Path> into = v.group(1).equals("V") ? versioned : undo;
                    Path before = into.put(FlywayVersion.parse(v.group(2)), file);
                    if (before != null)
                        throw new IllegalArgumentException("import flyway: " + before + " and " + file + " have the same version "
                                + FlywayVersion.parse(v.group(2)) + " (Flyway refuses this too); rename one of them");
                } else if (REPEATABLE.matcher(name).matches()) {
                    warnings.accept(file + " is a repeatable migration (R__): Flyway reruns it whenever it changes, and Retort "
                            + "has no such kind; it is not imported. Put its statements into a revision (sqlFile) when you change it");
                } else if (name.endsWith(".sql")) {
                    warnings.accept(file + " does not follow Flyway's V<version>__<description>.sql naming; not imported");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("import flyway: cannot read " + dir + ": " + e.getMessage(), e);
        }
        for (Map.Entry<FlywayVersion, Path> u : undo.entrySet())
            if (!versioned.containsKey(u.getKey()))
                warnings.accept(u.getValue() + " undoes version " + u.getKey() + ", which has no V file; not imported");
        List<Migration> out = new ArrayList<>();
        versioned.forEach((version, file) -> {
            Matcher m = VERSIONED.matcher(file.getFileName().toString());
            if (!m.matches()) throw new IllegalStateException(file.toString());
            out.add(new Migration(version, m.group(3).replace('_', ' ').strip(), file, undo.get(version)));
        });
        return out;
    }

    /** Copies an SQL file into {@code versions/sql/}; a file of that name with other contents there is an error. Returns the path the script names. */
    private static String copy(Path source, Path versions) {
        Path target = versions.resolve(SQL_FOLDER).resolve(source.getFileName().toString());
        try {
            byte[] bytes = Files.readAllBytes(source);
            if (Files.exists(target)) {
                if (!Arrays.equals(Files.readAllBytes(target), bytes))
                    throw new IllegalArgumentException("import flyway: " + target + " exists with other contents than " + source
                            + "; move it away or remove it, then import again");
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("import flyway: cannot copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
        return SQL_FOLDER + "/" + source.getFileName();
    }

    private static String script(ScriptLanguage language, String rev, String parent, Migration m, String upgrade, String downgrade) {
        boolean kotlin = language == ScriptLanguage.KOTLIN;
        StringBuilder sb = new StringBuilder();
        sb.append(call(kotlin, "revision", rev));
        if (parent != null) sb.append(call(kotlin, "revises", parent));
        sb.append(call(kotlin, "message", m.description()));
        sb.append(call(kotlin, "adopts", "flyway:" + m.version()));
        sb.append("\n// Imported from Flyway's ").append(m.file().getFileName()).append("; the SQL file is kept in ")
                .append(SQL_FOLDER).append("/ beside this script.\n");
        sb.append("upgrade {\n    ").append(sqlFile(kotlin, upgrade)).append("\n}\n");
        if (downgrade != null) {
            sb.append("\ndowngrade {\n    ").append(sqlFile(kotlin, downgrade)).append("\n}\n");
        } else {
            sb.append("\n// Flyway had no undo file (U").append(m.version()).append("__…sql) for this version, so a downgrade through this\n")
                    .append("// revision refuses before running anything. Write a downgrade { } block to allow it.\n");
        }
        return sb.toString();
    }

    private static String call(boolean kotlin, String key, String value) {
        return kotlin ? key + "(\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\")\n"
                : key + " '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'\n";
    }

    private static String sqlFile(boolean kotlin, String path) {
        return kotlin ? "sqlFile(\"" + path + "\")" : "sqlFile '" + path + "'";
    }

    private static void write(Path file, String text) {
        try {
            if (Files.exists(file)) throw new IllegalStateException(file + " already exists");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("import flyway: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
