package dev.retort.internal.script;

import dev.retort.internal.graph.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds revision scripts in the version locations and reads their headers. Files unchanged since the last run are not
 * read at all (see {@link SourceIndex}); the others are read and parsed in parallel. Errors are reported in file order,
 * so the first one is stable.
 */
public final class VersionScanner {
    private VersionScanner() {}

    /** One file's header, or why it could not be read. */
    private record Outcome(RevisionSource source, RuntimeException error) {}

    public static List<RevisionSource> scan(List<Path> locations, boolean recursive) {
        return scan(locations, recursive, SourceIndex.none());
    }

    /**
     * As above, taking the header and text hash of files unchanged since the last run from {@code index} (only the
     * others are read), then saving the index when something was read or is gone.
     */
    public static List<RevisionSource> scan(List<Path> locations, boolean recursive, SourceIndex index) {
        List<Found> files = new ArrayList<>();
        for (Path location : locations) {
            if (!Files.isDirectory(location))
                throw new ScriptException(location, 0, "version location does not exist or is not a folder; create it or fix version_locations");
            // The walk hands over each file's attributes, so size and time cost no extra call per file.
            List<Found> here = new ArrayList<>();
            try {
                Files.walkFileTree(location, EnumSet.noneOf(FileVisitOption.class), recursive ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
                    @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && ScriptLanguage.ofFile(file).isPresent()) here.add(new Found(file, attributes));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read version location " + location + ": " + e.getMessage(), e);
            }
            here.sort(null);
            files.addAll(here);
        }
        // Most files of a large project come from the index: look them up in order, and read only the others, in
        // parallel when there are enough of them to pay for the threads.
        List<Outcome> outcomes = new ArrayList<>(files.size());
        List<Integer> misses = new ArrayList<>();
        for (Found f : files) {
            Outcome known = known(f, index);
            if (known == null) misses.add(outcomes.size());
            outcomes.add(known);
        }
        (misses.size() >= PARALLEL_READS ? misses.parallelStream() : misses.stream())
                .map(i -> Map.entry(i, read(files.get(i), index))).toList()
                .forEach(e -> outcomes.set(e.getKey(), e.getValue()));
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
        index.save();
        return out;
    }

    /** A script file the walk found, with the attributes it saw; ordered by path. */
    private record Found(Path file, BasicFileAttributes attributes) implements Comparable<Found> {
        @Override public int compareTo(Found other) { return file.compareTo(other.file); }
    }

    /** Below this many files to read, a parallel stream costs more in thread start-up than it saves. */
    private static final int PARALLEL_READS = 64;

    /** The file's header from the index when it is unchanged since the last run; null when it must be read. */
    private static Outcome known(Found found, SourceIndex index) {
        var known = index.lookup(found.file(), found.attributes());
        if (known.isEmpty()) return null;
        return new Outcome(new RevisionSource(known.get().header(), found.file(), ScriptLanguage.ofFile(found.file()).orElseThrow(),
                known.get().textHash()), null);
    }

    private static Outcome read(Found found, SourceIndex index) {
        Path file = found.file();
        ScriptLanguage language = ScriptLanguage.ofFile(file).orElseThrow();
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Revision header = HeaderReader.read(file, text);
            String hash = RevisionSource.hashOf(text);
            index.put(file, found.attributes(), hash, header);
            return new Outcome(new RevisionSource(header, file, language, hash), null);
        } catch (IOException e) {
            return new Outcome(null, new UncheckedIOException("cannot read revision script " + file + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }
}
