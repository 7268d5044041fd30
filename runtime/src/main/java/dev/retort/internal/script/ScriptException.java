package dev.retort.internal.script;

import java.nio.file.Path;

/** A revision script that cannot be read or compiled, located by file, line and column (0 when unknown). */
public final class ScriptException extends RuntimeException {
    private final Path file;
    private final int line;
    private final int column;

    public ScriptException(Path file, int line, String message) { this(file, line, message, null); }

    public ScriptException(Path file, int line, String message, Throwable cause) { this(file, line, 0, message, cause); }

    /** Formats as compilers do, {@code file:line:column: message}, which editors and terminals turn into links. */
    public ScriptException(Path file, int line, int column, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
}
