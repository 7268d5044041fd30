package dev.retort.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Turns {@code <locations>}, in Flyway's spelling, into the value of retort.ini's {@code version_locations}:
 * {@code filesystem:DIR} (or a bare DIR) is a folder of the project; {@code classpath:DIR} is that folder in the
 * project's resource folders, or else in its build output.
 */
final class VersionFolders {
    static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/retort";

    private final Path basedir;
    private final List<Path> classpathRoots;

    /** @param classpathRoots the project's resource folders, then its output folder: where classpath: locations are looked up */
    VersionFolders(Path basedir, List<Path> classpathRoots) {
        this.basedir = basedir;
        this.classpathRoots = List.copyOf(classpathRoots);
    }

    /** @param here the folder of the configuration file, against which version_locations' relative paths resolve */
    String setting(List<String> locations, Path here) throws MojoExecutionException {
        List<String> values = new ArrayList<>();
        for (String location : locations) {
            if (location == null || location.isBlank()) continue;
            Path folder = folder(location.trim());
            // Relative to the configuration file's folder where it can be: a project's own paths rarely hold a space.
            String value = folder.startsWith(here) ? here.relativize(folder).toString() : folder.toString();
            if (value.isEmpty()) value = ".";
            if (value.matches(".*[\\s,].*") || value.contains(File.pathSeparator))
                throw new MojoExecutionException("<locations> names " + location + ", the folder " + folder + ", whose path holds a space, "
                        + "a comma or '" + File.pathSeparator + "', which version_locations cannot carry; keep the revision scripts in a "
                        + "folder of the project whose path has none, or name it in retort.ini's version_locations");
            values.add(value);
        }
        return String.join(File.pathSeparator, values);
    }

    private Path folder(String location) throws MojoExecutionException {
        if (location.startsWith("classpath:")) {
            String relative = location.substring("classpath:".length()).replaceAll("^/+", "");
            List<Path> candidates = classpathRoots.stream().map(r -> r.resolve(relative).normalize()).toList();
            return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new MojoExecutionException(
                    "<locations> names " + location + ", which is in none of the project's resource or output folders "
                            + candidates + "; create the folder (usually src/main/resources/" + relative + ") and put the revision "
                            + "scripts there, or point <locations> (-Dretort.locations) at the folder that holds them"));
        }
        String relative = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
        Path folder = basedir.resolve(relative).normalize();
        if (!Files.isDirectory(folder))
            throw new MojoExecutionException("<locations> names " + location + ", which is " + folder + ": no such folder; create it "
                    + "and put the revision scripts there, or point <locations> (-Dretort.locations) at the folder that holds them");
        return folder;
    }
}
