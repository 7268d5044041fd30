package dev.retort.internal.config;

import java.nio.file.Path;

/**
 * A command run on each new revision file ({@code post_write_hooks = fmt}, {@code fmt.type = exec}).
 * {@code options} is the raw option string; its {@code REVISION_SCRIPT_FILENAME} token is replaced by the file.
 */
public record PostWriteHook(String name, String executable, String options, Path cwd) {
    public static final String FILENAME_TOKEN = "REVISION_SCRIPT_FILENAME";
}
