package dev.retort.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code retort --version}: the project version, filtered into a resource at build time rather than written here. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() { return new String[] {"retort " + version()}; }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // reported as unknown below
        }
        return p.getProperty("version", "unknown");
    }
}
