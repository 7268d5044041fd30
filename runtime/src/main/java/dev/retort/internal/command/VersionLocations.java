package dev.retort.internal.command;

import dev.retort.internal.config.ConfigException;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code classpath:db/versions} or file paths into folders the scanner can list. A classpath folder inside
 * a jar is opened as a zip file system, so scripts are read in place; the file systems close with the API object.
 */
final class VersionLocations implements AutoCloseable {
    private final List<FileSystem> opened = new ArrayList<>();

    List<Path> resolve(List<String> locations, ClassLoader loader) {
        List<Path> out = new ArrayList<>();
        for (String location : locations) {
            if (!location.startsWith("classpath:")) {
                Path folder = Path.of(location).toAbsolutePath().normalize();
                if (!java.nio.file.Files.isDirectory(folder))
                    throw new ConfigException("version location " + folder + " is not a folder; create it or "
                            + "name the folder that holds the revision scripts");
                out.add(folder);
                continue;
            }
            String folder = location.substring("classpath:".length()).replaceAll("^/+", "");
            try {
                Enumeration<URL> found = loader.getResources(folder);
                if (!found.hasMoreElements())
                    throw new ConfigException("version location " + location + " is not on the classpath; "
                            + "put the revision scripts under src/main/resources/" + folder);
                while (found.hasMoreElements()) out.add(toPath(found.nextElement().toURI(), folder));
            } catch (IOException | java.net.URISyntaxException e) {
                throw new ConfigException("cannot read version location " + location + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private Path toPath(URI uri, String folder) throws IOException {
        if (!"jar".equals(uri.getScheme())) return Path.of(uri);
        String jar = uri.toString().substring(0, uri.toString().indexOf("!/") + 2);
        FileSystem fs;
        try {
            fs = FileSystems.newFileSystem(URI.create(jar), Map.of());
            opened.add(fs);
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(URI.create(jar));
        }
        return fs.getPath("/" + folder);
    }

    @Override public void close() {
        for (FileSystem fs : opened) {
            try { fs.close(); } catch (IOException ignored) { /* read-only zip views; nothing to lose */ }
        }
    }
}
