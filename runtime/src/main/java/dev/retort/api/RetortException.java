package dev.retort.api;

/**
 * Every failure the Java API reports. The subclasses say what kind of input was wrong, so an application
 * can tell a broken script from an unreachable database; the message is the same paragraph the CLI prints.
 */
public class RetortException extends RuntimeException {
    RetortException(String message, Throwable cause) { super(message, cause); }

    /** A revision script that cannot be read, compiled or run as written. */
    public static final class ScriptError extends RetortException {
        ScriptError(String message, Throwable cause) { super(message, cause); }
    }

    /** A target or revision graph problem: unknown or ambiguous revision, several heads, a cycle. */
    public static final class RevisionError extends RetortException {
        RevisionError(String message, Throwable cause) { super(message, cause); }
    }

    /** {@code validate} found applied revisions whose scripts changed or vanished since they ran. */
    public static final class ValidationError extends RetortException {
        ValidationError(String message) { super(message, null); }
    }

    /** A configuration that cannot be used. */
    public static final class ConfigurationError extends RetortException {
        ConfigurationError(String message, Throwable cause) { super(message, cause); }
    }

    /** The database refused a statement or could not be reached. */
    public static final class DatabaseError extends RetortException {
        DatabaseError(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * {@code lint = error} is set and linting the pending revisions found errors, so the upgrade did not start;
     * {@link #report()} holds every finding.
     */
    public static final class LintError extends RetortException {
        private final LintReport report;
        LintError(String message, LintReport report) {
            super(message, null);
            this.report = report;
        }
        public LintReport report() { return report; }
    }

    /** An operation the target dialect cannot express (offline rendering). */
    public static final class RenderError extends RetortException {
        RenderError(String message, Throwable cause) { super(message, cause); }
    }
}
