package dev.retort.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code init DIR}: a new project from a built-in template: retort.ini, versions/ and the revision template. */
public final class Init {
    private Init() {}

    public static List<Path> run(String template, Path dir) {
        String listing = resource("/templates/" + template + "/files.txt");
        if (listing == null) throw new IllegalArgumentException("no built-in template '" + template + "'; run 'retort list-templates'");
        try {
            if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir)))
                throw new IllegalStateException(dir + " already exists and is not empty; choose a new folder so nothing is overwritten");
            Files.createDirectories(dir.resolve("versions"));
            for (String name : listing.lines().map(String::strip).filter(s -> !s.isEmpty()).toList())
                Files.writeString(dir.resolve(name), resource("/templates/" + template + "/" + name), StandardCharsets.UTF_8);
            try (var files = Files.walk(dir)) { return files.sorted().toList(); }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (var entries = Files.list(dir)) { return entries.findAny().isPresent(); }
    }

    private static String resource(String path) {
        try (InputStream in = Init.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
