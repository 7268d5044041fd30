package dev.retort.api;

import java.time.Instant;

/**
 * A revision with whether the database has it: what {@code /actuator/retort} and Flyway's {@code info} show.
 *
 * @param appliedAt when its last successful run finished; null when pending, or applied before the history table
 *                  recorded runs (a stamp)
 */
public record RevisionState(RevisionInfo revision, boolean applied, Instant appliedAt) {}
