package dev.retort.internal.script;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Runs a compiled script's code and turns whatever it throws into a {@link ScriptException} with the script's line.
 * Public for the other scripts Retort runs (autogenerate's models).
 */
public final class ScriptRuns {
    private ScriptRuns() {}

    /** @param scriptClass the compiled script's main class name; frames of it and its nested classes give the line */
    static <T> T record(RevisionSource source, String scriptClass, Callable<T> run) {
        return record(source.file(), scriptClass, run);
    }

    /** @param scriptClass the compiled script's main class name; frames of it and its nested classes give the line */
    public static <T> T record(Path file, String scriptClass, Callable<T> run) {
        try {
            return run.call();
        } catch (ScriptException e) {
            throw e;
        } catch (Exception | LinkageError | StackOverflowError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new ScriptException(file, lineIn(cause, scriptClass), message, cause);
        }
    }

    /** The first stack frame that belongs to the revision's own compiled class. */
    static int lineIn(Throwable t, String scriptClass) {
        for (Throwable c = t; c != null; c = c.getCause())
            for (StackTraceElement frame : c.getStackTrace())
                if (frame.getClassName().startsWith(scriptClass) && frame.getLineNumber() > 0) return frame.getLineNumber();
        return 0;
    }

    /** The offending source line, indented, for a compiler message; with a caret under the column when it is known. */
    public static String sourceLine(String text, int line, int column) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (line < 1 || line > lines.length) return "";
        String raw = lines[line - 1];
        String shown = raw.strip();
        int indent = raw.indexOf(shown.isEmpty() ? raw : shown);
        int caret = column - 1 - Math.max(indent, 0);
        return "\n    " + shown + (column > 0 && caret >= 0 && caret <= shown.length() ? "\n    " + " ".repeat(caret) + "^" : "");
    }
}
