package dev.retort.internal.db;

import java.time.Instant;

/**
 * One row of {@code retort_history}: a step run (or stamped), successful or not.
 *
 * @param direction         {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param fromRevisions     the revisions the step left, comma-separated (empty for base)
 * @param toRevisions       the revisions the step reached, comma-separated (empty for base)
 * @param statementsApplied on a database without transactional DDL, how many of the step's statements are in the
 *                          database; after a rollback, 0
 * @param appliedDigest     digest of the text of statements 1..statementsApplied, to resume safely
 * @param error             the failure, or null
 */
public record HistoryRow(long id, String revision, String direction, String fromRevisions, String toRevisions,
                         String script, String checksum, Instant startedAt, Instant finishedAt, Long durationMs,
                         String osUser, String host, boolean success, int statementsTotal, int statementsApplied,
                         String appliedDigest, String error) {}
