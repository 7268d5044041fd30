package dev.retort.script;

import java.nio.file.Path;

/** A revision script that cannot be read or compiled, located by file and line (0 when unknown). */
public final class ScriptException extends RuntimeException {
    private final Path file;
    private final int line;

    public ScriptException(Path file, int line, String message) { this(file, line, message, null); }

    public ScriptException(Path file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }
    public int line() { return line; }
}
