package dev.retort.dsl.env;

import java.nio.file.Path;

/**
 * One revision about to run, as the environment script's {@code beforeEach}, {@code afterEach} and {@code onFailure}
 * hooks see it.
 *
 * @param revision  the revision's id
 * @param direction {@code "upgrade"} or {@code "downgrade"}
 * @param message   the revision's message ({@code ""} when it has none)
 * @param file      the revision's script, relative to the folder of {@code retort.ini} when it lies inside it
 */
public record MigrationStep(String revision, String direction, String message, Path file) {
    public static final String UPGRADE = "upgrade";
    public static final String DOWNGRADE = "downgrade";

    /** Alembic's arrow-free summary, for log lines: {@code upgrade 3f2a1c9d0b7e (add email)}. */
    @Override public String toString() {
        return direction + " " + revision + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
