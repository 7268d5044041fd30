package dev.retort.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds revision scripts in the version locations and reads their headers. */
public final class VersionScanner {
    private VersionScanner() {}

    public static List<RevisionSource> scan(List<Path> locations, boolean recursive) {
        List<RevisionSource> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path location : locations) {
            if (!Files.isDirectory(location))
                throw new ScriptException(location, 0, "version location does not exist or is not a folder; create it or fix version_locations");
            try (Stream<Path> files = recursive ? Files.walk(location) : Files.list(location)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    var language = ScriptLanguage.ofFile(file);
                    if (language.isEmpty()) continue;
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    RevisionSource source = new RevisionSource(HeaderReader.read(file, text), file, language.get());
                    Path previous = seen.putIfAbsent(source.revision().id(), file);
                    if (previous != null)
                        throw new ScriptException(file, 1, "revision id " + source.revision().id() + " is also declared in "
                                + previous + "; give one of them a new id");
                    out.add(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version location " + location + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
