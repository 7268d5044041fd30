package dev.retort.spring.boot;

import dev.retort.api.LintReport;

/** {@code retort.lint=error} and lint found error findings in the pending revisions: nothing was migrated. */
final class RetortLintException extends RuntimeException {
    private final LintReport report;

    RetortLintException(LintReport report) {
        super("retort.lint=error is set and lint found " + report.errors().size() + " error(s) in the pending revisions, so "
                + "nothing was migrated:\n" + report.text().stripTrailing());
        this.report = report;
    }

    LintReport report() { return report; }
}
