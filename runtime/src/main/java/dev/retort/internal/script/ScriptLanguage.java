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

    public static Optional<ScriptLanguage> ofFile(Path file) {
        String name = file.getFileName().toString();
        return Arrays.stream(values()).filter(l -> name.endsWith(l.extension)).findFirst();
    }

    public static ScriptLanguage byName(String name) {
        return Arrays.stream(values()).filter(l -> l.configName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown language '" + name + "'; use groovy or kotlin"));
    }
}
