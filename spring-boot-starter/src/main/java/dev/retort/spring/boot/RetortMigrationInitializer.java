package dev.retort.spring.boot;

import dev.retort.api.LintFinding;
import dev.retort.api.LintReport;
import dev.retort.api.Retort;
import dev.retort.api.StepResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the database when the application context creates it: lint ({@code retort.lint}), validate, upgrade — or the
 * application's {@link RetortMigrationStrategy} instead. Boot orders the beans that use the database after it.
 */
public final class RetortMigrationInitializer implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(RetortMigrationInitializer.class);

    private final Retort retort;
    private final RetortProperties properties;
    private final RetortMigrationStrategy strategy;

    /** @param strategy null for the default run */
    public RetortMigrationInitializer(Retort retort, RetortProperties properties, RetortMigrationStrategy strategy) {
        this.retort = retort;
        this.properties = properties;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            migrate();
        } catch (RuntimeException | LinkageError e) {
            String pin = LanguageVersions.detect().explain(e);
            if (pin == null) throw e;
            throw new RetortSettingException(e.getMessage() + " " + pin, e);
        }
    }

    private void migrate() {
        lint();
        if (strategy != null) {
            strategy.migrate(retort);
            return;
        }
        if (properties.isValidateOnMigrate()) {
            int checked = retort.validate().size();
            if (checked > 0) log.info("Retort: the {} applied revision(s) match their scripts", checked);
        }
        List<StepResult> steps = retort.upgrade(properties.getTarget());
        if (steps.isEmpty()) log.info("Retort: the database is up to date ({})", properties.getTarget());
        else log.info("Retort: applied {} revision(s) up to {}", steps.size(), properties.getTarget());
    }

    /** {@code retort.lint}: the pending revisions linted as {@code retort lint} does; {@code error} stops the start on an error finding. */
    private void lint() {
        if (properties.getLint() == RetortProperties.Lint.OFF) return;
        LintReport report = retort.lint();
        for (LintFinding f : report.findings()) {
            if (f.isError()) log.error("Retort lint: {}", f.text());
            else log.warn("Retort lint: {}", f.text());
        }
        if (properties.getLint() == RetortProperties.Lint.ERROR && !report.passed()) throw new RetortLintException(report);
    }
}
