package dev.retort.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Team templates that travel as Maven artifacts: each folder under {@code META-INF/retort/templates/} of a jar (or
 * classes folder) on the class path is one template, found by name alone ({@code classpath:NAME}). The first jar on
 * the class path that has a name wins, as with any resource.
 */
final class ClasspathTemplates {
    static final String ROOT = "META-INF/retort/templates/";

    private ClasspathTemplates() {}

    /** The thread's context loader: a Maven plugin's realm or an application's loader; the launcher's class path otherwise. */
    static List<Template> find() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return find(loader != null ? loader : ClasspathTemplates.class.getClassLoader());
    }

    static List<Template> find(ClassLoader loader) {
        Map<String, Template> byName = new LinkedHashMap<>();
        try {
            // A jar lists a folder only through its directory entry; maven-jar-plugin and the jar tool both write them.
            for (URL url : Collections.list(loader.getResources(ROOT))) {
                for (Template t : "jar".equals(url.getProtocol()) ? fromJar(url) : fromFolder(Path.of(url.toURI())))
                    byName.putIfAbsent(t.name(), t);
            }
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException("cannot list the templates under " + ROOT + " on the class path: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return List.copyOf(byName.values());
    }

    private static List<Template> fromFolder(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted()
                    .map(dir -> template(dir.getFileName().toString(), TemplateCatalog.readFolder(dir))).toList();
        }
    }

    private static List<Template> fromJar(URL url) throws IOException, URISyntaxException {
        Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
        Map<String, SortedMap<String, byte[]>> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().startsWith(ROOT)) continue;
                String rest = e.getName().substring(ROOT.length());
                int slash = rest.indexOf('/');
                if (slash <= 0) continue;
                String name = rest.substring(0, slash), path = rest.substring(slash + 1);
                SortedMap<String, byte[]> own = files.computeIfAbsent(name, n -> new TreeMap<>());
                if (path.isEmpty()) continue;
                try (InputStream in = zip.getInputStream(e)) { own.put(path, e.isDirectory() ? new byte[0] : in.readAllBytes()); }
            }
        }
        return files.entrySet().stream().map(f -> template(f.getKey(), f.getValue())).toList();
    }

    /** No location: the new project's retort.ini names the template only, and finds it on the class path again. */
    private static Template template(String name, SortedMap<String, byte[]> files) {
        return new Template(name, null, "classpath:" + name, Template.describe(files), files);
    }
}
