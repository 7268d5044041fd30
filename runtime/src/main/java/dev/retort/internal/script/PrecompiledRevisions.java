package dev.retort.internal.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Compiled revisions shipped beside the scripts ({@code retort compile}, the Maven plugin's {@code compile} goal): entries
 * under {@code META-INF/retort/compiled/} on the classpath or in configured folders and jars. Read-only; an entry is
 * found by the same key as in the compile cache, which hashes the script's text, so an edited script never finds one.
 */
public final class PrecompiledRevisions {
    /** Where entries sit inside a folder, a jar or the classpath. */
    public static final String PREFIX = "META-INF/retort/compiled/";

    private static final PrecompiledRevisions NONE = new PrecompiledRevisions(null, List.of());

    private final ClassLoader classLoader;
    private final List<Path> locations;
    /** A jar's entries, read whole on first use and closed at once, so no file stays open for the engine's life. */
    private final Map<Path, Map<String, byte[]>> jars = new HashMap<>();

    private PrecompiledRevisions(ClassLoader classLoader, List<Path> locations) {
        this.classLoader = classLoader;
        this.locations = List.copyOf(locations);
    }

    public static PrecompiledRevisions none() { return NONE; }

    /**
     * @param classLoader whose resources are searched (null: none)
     * @param locations   folders or jars holding {@code META-INF/retort/compiled/}, searched before the classpath
     */
    public static PrecompiledRevisions of(ClassLoader classLoader, List<Path> locations) {
        return new PrecompiledRevisions(classLoader, locations);
    }

    /** The entry's name inside a folder, jar or class loader. */
    public static String entryName(String key) { return PREFIX + key.substring(0, 2) + "/" + key + ".classes"; }

    /** The first intact entry for the key; a damaged one is passed over (it cannot be deleted), never trusted. */
    public Optional<CompiledScriptClasses> read(String key) {
        String name = entryName(key);
        for (Path location : locations) {
            Optional<CompiledScriptClasses> found = decode(bytesIn(location, name));
            if (found.isPresent()) return found;
        }
        if (classLoader == null) return Optional.empty();
        try {
            Enumeration<java.net.URL> urls = classLoader.getResources(name);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    Optional<CompiledScriptClasses> found = decode(in.readAllBytes());
                    if (found.isPresent()) return found;
                }
            }
        } catch (IOException e) {
            // An unreadable classpath entry is like a missing one: the script is compiled instead.
        }
        return Optional.empty();
    }

    private byte[] bytesIn(Path location, String name) {
        if (Files.isDirectory(location)) {
            try {
                Path file = location.resolve(name);
                return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                return null;
            }
        }
        synchronized (jars) {
            return jars.computeIfAbsent(location, PrecompiledRevisions::readJar).get(name);
        }
    }

    private static Map<String, byte[]> readJar(Path jar) {
        Map<String, byte[]> entries = new HashMap<>();
        if (!Files.isRegularFile(jar)) return entries;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(PREFIX))
                    try (InputStream in = zip.getInputStream(entry)) { entries.put(entry.getName(), in.readAllBytes()); }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the precompiled revisions in " + jar + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static Optional<CompiledScriptClasses> decode(byte[] bytes) {
        if (bytes == null) return Optional.empty();
        try {
            return Optional.of(ScriptCompileCache.decode(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the compiled revisions where {@link #of} finds them: into a jar when {@code output} ends in {@code .jar}
     * (replaced whole), otherwise into a folder (whose {@code META-INF/retort/compiled/} is emptied first, so entries of
     * scripts edited since the last compile do not pile up). Entries have the compile cache's format and checksum.
     */
    public static void write(List<RevisionCompiler.CompiledRevision> revisions, Path output) {
        try {
            if (output.getFileName() != null && output.getFileName().toString().endsWith(".jar")) writeJar(revisions, output);
            else writeFolder(revisions, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compiled revisions to " + output + ": " + e.getMessage(), e);
        }
    }

    private static void writeFolder(List<RevisionCompiler.CompiledRevision> revisions, Path folder) throws IOException {
        Path root = folder.resolve(PREFIX);
        if (Files.isDirectory(root))
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        for (RevisionCompiler.CompiledRevision r : revisions) {
            Path file = folder.resolve(entryName(r.key()));
            Files.createDirectories(file.getParent());
            Files.write(file, ScriptCompileCache.encode(r.classes()));
        }
    }

    private static void writeJar(List<RevisionCompiler.CompiledRevision> revisions, Path jar) throws IOException {
        Path parent = jar.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, jar.getFileName().toString(), ".tmp");
        try {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest();
            manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(temp), manifest)) {
                java.util.Set<String> folders = new java.util.HashSet<>();
                for (RevisionCompiler.CompiledRevision r : revisions) {
                    String name = entryName(r.key());
                    // Folder entries too, as the jar tool writes them, so class loaders can list META-INF/retort/compiled/.
                    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1))
                        if (folders.add(name.substring(0, slash + 1))) {
                            out.putNextEntry(new ZipEntry(name.substring(0, slash + 1)));
                            out.closeEntry();
                        }
                    out.putNextEntry(new ZipEntry(name));
                    out.write(ScriptCompileCache.encode(r.classes()));
                    out.closeEntry();
                }
            }
            Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
