package dev.retort.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The templates a project can use: those in its {@code template_locations} (folders or jars of template folders;
 * a location that is itself a template folder counts as one), then those on the class path ({@link ClasspathTemplates}),
 * then the built-in ones. An earlier template shadows a later one of the same name, so a team can replace
 * {@code groovy} with its own.
 */
public final class TemplateCatalog {
    /** Built-in templates, under /templates/NAME/ on the classpath with their files listed in files.txt. */
    static final List<String> BUILT_IN = List.of("groovy", "kotlin", "multidb");
    private static final Set<String> MARKERS = Set.of(Template.CONFIG_FILE, "script.groovy.tmpl", "script.kts.tmpl");

    private final List<Template> templates;

    private TemplateCatalog(List<Template> templates) { this.templates = List.copyOf(templates); }

    public static TemplateCatalog of(List<Path> locations) {
        List<Template> all = new ArrayList<>();
        for (Path location : locations) all.addAll(Files.isDirectory(location) ? fromFolderLocation(location) : fromJar(location));
        all.addAll(ClasspathTemplates.find());
        for (String name : BUILT_IN) builtIn(name).ifPresent(all::add);
        return new TemplateCatalog(all);
    }

    /** Every template with where it comes from, in lookup order. */
    public List<Template> all() { return templates; }

    /** The first template of that name: template_locations, then the class path, then built-ins. */
    public Optional<Template> byName(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** {@code --template NAME|DIR}: a folder path when one exists there (or the name has a slash), else a name. */
    public Template resolve(String nameOrFolder) {
        Path folder = Path.of(nameOrFolder);
        if (Files.isDirectory(folder) || nameOrFolder.contains("/") || nameOrFolder.contains("\\")) {
            if (!Files.isDirectory(folder) || !isTemplateFolder(folder))
                throw new IllegalArgumentException("--template " + nameOrFolder + " is not a template folder (one holding retort.ini, "
                        + "script.groovy.tmpl or script.kts.tmpl); check the path or run 'retort list-templates'");
            return fromFolder(folder.toAbsolutePath().normalize(), folder.toAbsolutePath().normalize().getParent());
        }
        return byName(nameOrFolder).orElseThrow(() -> new IllegalArgumentException("no template named '" + nameOrFolder
                + "'; run 'retort list-templates' to see the built-in ones, those on the class path and those in template_locations"));
    }

    public static Optional<Template> builtIn(String name) {
        String listing = resource("/templates/" + name + "/files.txt");
        if (listing == null) return Optional.empty();
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String path : listing.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList()) {
            if (path.endsWith("/")) { files.put(path, new byte[0]); continue; }
            String text = resource("/templates/" + name + "/" + path);
            if (text == null) throw new IllegalStateException("built-in template " + name + " lists " + path + ", which is missing from the jar");
            files.put(path, text.getBytes(StandardCharsets.UTF_8));
        }
        return Optional.of(new Template(name, null, "built-in", Template.describe(files), files));
    }

    private static List<Template> fromFolderLocation(Path location) {
        Path dir = location.toAbsolutePath().normalize();
        if (isTemplateFolder(dir)) return List.of(fromFolder(dir, dir.getParent()));
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(TemplateCatalog::isTemplateFolder).sorted()
                    .map(d -> fromFolder(d, dir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list template location " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTemplateFolder(Path dir) {
        return MARKERS.stream().anyMatch(m -> Files.isRegularFile(dir.resolve(m)));
    }

    private static Template fromFolder(Path dir, Path location) {
        SortedMap<String, byte[]> files = readFolder(dir);
        return new Template(dir.getFileName().toString(), location, "folder " + dir, Template.describe(files), files);
    }

    /** A template folder's files by '/'-separated relative path; a path ending in '/' is a folder. */
    static SortedMap<String, byte[]> readFolder(Path dir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) files.put(rel + "/", new byte[0]);
                else files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template folder " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * A jar holds template folders at any depth; a folder holding retort.ini or a script template is one. Of META-INF
     * only the class-path templates' folder counts, so a team's template artifact also works from template_locations.
     */
    private static List<Template> fromJar(Path jar) {
        Path file = jar.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            SortedSet<String> roots = new TreeSet<>();
            for (ZipEntry e : entries) {
                String name = e.getName();
                int slash = name.lastIndexOf('/');
                if (slash > 0 && (!name.startsWith("META-INF/") || name.startsWith(ClasspathTemplates.ROOT)) && MARKERS.contains(name.substring(slash + 1)))
                    roots.add(name.substring(0, slash + 1));
            }
            List<Template> out = new ArrayList<>();
            for (String root : roots) {
                // A marker file in a template's own subfolder does not make a second template.
                if (roots.stream().anyMatch(r -> !r.equals(root) && root.startsWith(r))) continue;
                SortedMap<String, byte[]> files = new TreeMap<>();
                for (ZipEntry e : entries) {
                    if (!e.getName().startsWith(root) || e.getName().equals(root)) continue;
                    String rel = e.getName().substring(root.length());
                    try (InputStream in = zip.getInputStream(e)) { files.put(rel, e.isDirectory() ? new byte[0] : in.readAllBytes()); }
                }
                String name = root.substring(0, root.length() - 1);
                name = name.substring(name.lastIndexOf('/') + 1);
                out.add(new Template(name, file, "jar " + file + "!/" + root, Template.describe(files), files));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template jar " + file + " (from template_locations): " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
