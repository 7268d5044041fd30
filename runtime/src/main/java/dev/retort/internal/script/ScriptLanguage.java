package dev.retort.internal.script;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** The languages a revision can be written in; a file's extension says which. */
public enum ScriptLanguage {
    GROOVY("groovy", ".groovy"), KOTLIN("kotlin", ".kts");

    private final String configName;
    private final String extension;

    ScriptLanguage(String configName, String extension) { this.configName = configName; this.extension = extension; }

    public String configName() { return configName; }
    public String extension() { return extension; }

    private static final ScriptLanguage[] ALL = values();

    public static Optional<ScriptLanguage> ofFile(Path file) {
        // Called for every file of every scan (10,000 in a large project): a plain loop, no stream, and the path's own
        // string (kept by the path) rather than a new one for its file name; an extension never holds a separator.
        String name = file.toString();
        for (ScriptLanguage l : ALL) if (name.endsWith(l.extension)) return Optional.of(l);
        return Optional.empty();
    }

    public static ScriptLanguage byName(String name) {
        return Arrays.stream(values()).filter(l -> l.configName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + name + "'; use groovy or kotlin"));
    }
}
