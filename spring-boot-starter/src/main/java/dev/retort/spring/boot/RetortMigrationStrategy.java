package dev.retort.spring.boot;

import dev.retort.api.Retort;

/**
 * Replaces the start-up run (validate, then upgrade to {@code retort.target}) when an application declares one as a
 * bean, as {@code FlywayMigrationStrategy} does for Flyway: e.g. {@code retort -> retort.upgrade("billing@head")}.
 */
@FunctionalInterface
public interface RetortMigrationStrategy {
    void migrate(Retort retort);
}
