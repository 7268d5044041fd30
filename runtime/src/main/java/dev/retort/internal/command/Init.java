package dev.retort.internal.command;

import dev.retort.internal.config.ConfigLoader;
import dev.retort.internal.config.RetortConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code init [--template NAME|DIR] DIR}: a new project from a template: its retort.ini and folders. The revision
 * templates stay with the template, so that a team's change to them reaches every project: the new retort.ini
 * names the template ({@code template = NAME}) and, for one outside Retort, where it lives ({@code template_locations}).
 */
public final class Init {
    private static final Set<String> REVISION_TEMPLATES = Set.of("script.groovy.tmpl", "script.kts.tmpl");

    private Init() {}

    /** @param language {@code language} for the new retort.ini, or null to keep the template's */
    public static List<Path> run(Template template, Path dir, String language) {
        Path target = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(target) && (!Files.isDirectory(target) || hasEntries(target)))
                throw new IllegalStateException(target + " already exists and is not empty; choose a new or empty folder, "
                        + "so that nothing there is overwritten");
            Files.createDirectories(target);
            for (Map.Entry<String, byte[]> f : template.files().entrySet()) {
                if (REVISION_TEMPLATES.contains(f.getKey())) continue;
                Path p = target.resolve(f.getKey());
                if (f.getKey().endsWith("/")) Files.createDirectories(p);
                else {
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
            }
            Path ini = target.resolve(Template.CONFIG_FILE);
            String text = template.text(Template.CONFIG_FILE)
                    .or(() -> TemplateCatalog.builtIn("groovy").flatMap(t -> t.text(Template.CONFIG_FILE))).orElse("[retort]\n");
            text = setKey(text, "template", template.name());
            if (template.location() != null) text = setKey(text, "template_locations", template.location().toString());
            if (language != null) text = setKey(text, "language", language);
            else if (!hasKey(text, "language") && template.files().containsKey("script.kts.tmpl")
                    && !template.files().containsKey("script.groovy.tmpl")) text = setKey(text, "language", "kotlin");
            Files.writeString(ini, text, StandardCharsets.UTF_8);
            createVersionFolders(ini);
            try (var files = Files.walk(target)) { return files.sorted().toList(); }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

    /** The folders the new retort.ini names, so that the first {@code revision} finds them. */
    private static void createVersionFolders(Path ini) throws IOException {
        RetortConfig config = ConfigLoader.loadWithoutPathChecks(ini, null, Map.of(), Map.of(), Map.of());
        List<Path> folders = new ArrayList<>(config.versionLocations());
        config.databases().values().forEach(d -> folders.addAll(d.versionLocations()));
        for (Path f : folders) Files.createDirectories(f);
    }

    private static boolean hasKey(String ini, String key) {
        return keyLine(key).matcher(mainSection(ini)).find();
    }

    private static Pattern keyLine(String key) {
        return Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(key) + "[ \\t]*[=:].*$");
    }

    private static String mainSection(String ini) {
        Matcher start = Pattern.compile("(?m)^\\s*\\[" + ConfigLoader.MAIN_SECTION + "]\\s*$").matcher(ini);
        if (!start.find()) return "";
        Matcher next = Pattern.compile("(?m)^\\s*\\[").matcher(ini);
        int end = next.find(start.end()) ? next.start() : ini.length();
        return ini.substring(start.start(), end);
    }

    /** Sets {@code key = value} in [retort]: replaces the key's line, or adds one at the end of the section. */
    static String setKey(String ini, String key, String value) {
        String section = mainSection(ini);
        String line = key + " = " + value;
        if (section.isEmpty()) return "[" + ConfigLoader.MAIN_SECTION + "]\n" + line + "\n\n" + ini;
        int at = ini.indexOf(section);
        Matcher m = keyLine(key).matcher(section);
        String changed = m.find() ? section.substring(0, m.start()) + line + section.substring(m.end())
                : section.stripTrailing() + "\n" + line + "\n" + (at + section.length() == ini.length() ? "" : "\n");
        return ini.substring(0, at) + changed + ini.substring(at + section.length());
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (var entries = Files.list(dir)) { return entries.findAny().isPresent(); }
    }
}
