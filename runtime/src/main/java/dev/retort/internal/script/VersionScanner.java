package dev.retort.internal.script;

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

/**
 * Finds revision scripts in the version locations and reads their headers. Files are read and parsed in parallel
 * (10,000 revisions are read in well under a second); errors are reported in file order, so the first one is stable.
 */
public final class VersionScanner {
    private VersionScanner() {}

    /** One file's header, or why it could not be read. */
    private record Outcome(RevisionSource source, RuntimeException error) {}

    public static List<RevisionSource> scan(List<Path> locations, boolean recursive) {
        List<Path> files = new ArrayList<>();
        for (Path location : locations) {
            if (!Files.isDirectory(location))
                throw new ScriptException(location, 0, "version location does not exist or is not a folder; create it or fix version_locations");
            try (Stream<Path> found = Files.find(location, recursive ? Integer.MAX_VALUE : 1,
                    (p, attributes) -> attributes.isRegularFile() && ScriptLanguage.ofFile(p).isPresent())) {
                files.addAll(found.sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version location " + location + ": " + e.getMessage(), e);
            }
        }
        List<Outcome> outcomes = files.parallelStream().map(VersionScanner::read).toList();
        List<RevisionSource> out = new ArrayList<>(outcomes.size());
        Map<String, Path> seen = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o.error() != null) throw o.error();
            RevisionSource source = o.source();
            Path previous = seen.putIfAbsent(source.revision().id(), source.file());
            if (previous != null)
                throw new ScriptException(source.file(), 1, "revision id " + source.revision().id() + " is also declared in "
                        + previous + "; give one of them a new id");
            out.add(source);
        }
        return out;
    }

    private static Outcome read(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new Outcome(new RevisionSource(HeaderReader.read(file, text), file, ScriptLanguage.ofFile(file).orElseThrow()), null);
        } catch (IOException e) {
            return new Outcome(null, new UncheckedIOException("cannot read revision script " + file + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }
}
