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
public record Capabilities(boolean transactionalDdl, String beginStatement, boolean partialIndexes, boolean ifExists) {

    /** DDL runs inside the transaction that {@code beginStatement} opens; nothing else is supported until stated. */
    public static Capabilities ddlInTransaction(String beginStatement) { return new Capabilities(true, beginStatement, false, false); }

    /** DDL commits by itself; {@code beginStatement} opens a transaction for the rest. Nothing else is supported until stated. */
    public static Capabilities ddlCommitsItself(String beginStatement) { return new Capabilities(false, beginStatement, false, false); }

    public Capabilities withPartialIndexes(boolean supported) { return new Capabilities(transactionalDdl, beginStatement, supported, ifExists); }

    public Capabilities withIfExists(boolean supported) { return new Capabilities(transactionalDdl, beginStatement, partialIndexes, supported); }
}
