package dev.retort.dsl.dialect;

/**
 * What a database can do, as named facts, so that callers never test which dialect they hold.
 *
 * @param transactionalDdl DDL runs inside a transaction and rolls back with it
 * @param beginStatement   how an offline script opens a transaction ({@code BEGIN}); used when transactionalDdl
 * @param partialIndexes   {@code CREATE INDEX … WHERE …} is supported
 * @param ifExists         {@code DROP … IF EXISTS} / {@code ADD … IF NOT EXISTS} are supported for columns and indexes
 *                         (where false the dialect either emulates them or refuses them with a clear error)
 */
public record Capabilities(boolean transactionalDdl, String beginStatement, boolean partialIndexes, boolean ifExists) {}
