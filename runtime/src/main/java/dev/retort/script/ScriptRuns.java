package dev.retort.script;

import java.util.concurrent.Callable;

/** Runs a compiled script's code and turns whatever it throws into a {@link ScriptException} with the script's line. */
final class ScriptRuns {
    private ScriptRuns() {}

    static <T> T record(RevisionSource source, Callable<T> run) {
        try {
            return run.call();
        } catch (ScriptException e) {
            throw e;
        } catch (Exception | LinkageError | StackOverflowError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new ScriptException(source.file(), lineIn(cause, source), message, cause);
        }
    }

    /** The first stack frame that belongs to the revision's own compiled class. */
    static int lineIn(Throwable t, RevisionSource source) {
        String prefix = GroovyRevisionCompiler.className(source);
        for (Throwable c = t; c != null; c = c.getCause())
            for (StackTraceElement frame : c.getStackTrace())
                if (frame.getClassName().startsWith(prefix) && frame.getLineNumber() > 0) return frame.getLineNumber();
        return 0;
    }

    /** The offending source line, indented, for a compiler message. */
    static String sourceLine(String text, int line) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        return line >= 1 && line <= lines.length ? "\n    " + lines[line - 1].strip() : "";
    }
}
