package dev.retort.spring.boot;

import dev.retort.api.RetortException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Puts Retort's one-paragraph message (file, line, SQL, error) at the top of Boot's "APPLICATION FAILED TO START"
 * report instead of deep in a bean-creation stack trace. Registered in {@code META-INF/spring.factories}.
 */
final class RetortFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetortLintException)
                return new FailureAnalysis(t.getMessage(), "Make each operation named above safe as its fix says; when one was "
                        + "checked by hand, wrap it in safetyAssured { } or mark it // retort:nolint CODE; to start anyway, set "
                        + "retort.lint=warn.", t);
            if (t instanceof RetortSettingException)
                return new FailureAnalysis(t.getMessage(), "Change the setting named above.", t);
            if (t instanceof RetortException e)
                return new FailureAnalysis("Retort could not migrate the database: " + e.getMessage(), action(e), e);
        }
        return null;
    }

    private static String action(RetortException e) {
        if (e instanceof RetortException.ValidationError)
            return "Restore the applied scripts from version control and put the change in a new revision; to start "
                    + "without this check, set retort.validate-on-migrate=false.";
        if (e instanceof RetortException.ConfigurationError)
            return "Check the retort.* properties (retort.locations, retort.url, retort.config-file) and the data source.";
        return "Fix the revision (or the database) as the message says and start again: the next start runs what is "
                + "still pending. To start without migrating, set retort.enabled=false.";
    }
}
