package dev.retort.dsl.dialect;

/**
 * What a database can do, as named facts, so that callers never test which dialect they hold.
 *
 * @param transactionalDdl          DDL runs inside a transaction and rolls back with it
 * @param beginStatement            how an offline script opens a transaction ({@code BEGIN}); used when transactionalDdl
 * @param partialIndexes            {@code CREATE INDEX … WHERE …} is supported
 * @param ifExists                  {@code DROP … IF EXISTS} / {@code ADD … IF NOT EXISTS} are supported for columns and indexes
 *                                  (where false the dialect either emulates them or refuses them with a clear error)
 * @param concurrentIndexes         indexes can be built and dropped without blocking writes ({@code CONCURRENTLY})
 * @param notValidConstraints       a foreign key or check can be added without scanning the table ({@code NOT VALID})
 *                                  and validated later ({@code VALIDATE CONSTRAINT})
 * @param volatileDefaultRewrites   adding a column whose default is volatile rewrites the whole table
 * @param enumChangeCopiesTable     ENUM is a column type, and changing its values copies the table
 * @param maxIdentifierLength       the longest table, column, index or constraint name the database takes; 0: no limit
 *                                  that a migration will reach
 * @param statementBatches          the driver sends a JDBC batch of plain statements in one round trip, and the batch
 *                                  stops at its first failing statement; with transactional DDL a step's statements and
 *                                  its bookkeeping then go to the database together
 */
public record Capabilities(boolean transactionalDdl, String beginStatement, boolean partialIndexes, boolean ifExists,
                           boolean concurrentIndexes, boolean notValidConstraints, boolean volatileDefaultRewrites,
                           boolean enumChangeCopiesTable, int maxIdentifierLength, boolean statementBatches) {

    /** DDL runs inside the transaction that {@code beginStatement} opens; nothing else is supported until stated. */
    public static Capabilities ddlInTransaction(String beginStatement) {
        return new Capabilities(true, beginStatement, false, false, false, false, false, false, 0, false);
    }

    /** DDL commits by itself; {@code beginStatement} opens a transaction for the rest. Nothing else is supported until stated. */
    public static Capabilities ddlCommitsItself(String beginStatement) {
        return new Capabilities(false, beginStatement, false, false, false, false, false, false, 0, false);
    }

    public Capabilities withPartialIndexes(boolean supported) {
        return new Capabilities(transactionalDdl, beginStatement, supported, ifExists, concurrentIndexes, notValidConstraints,
                volatileDefaultRewrites, enumChangeCopiesTable, maxIdentifierLength, statementBatches);
    }

    public Capabilities withIfExists(boolean supported) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, supported, concurrentIndexes, notValidConstraints,
                volatileDefaultRewrites, enumChangeCopiesTable, maxIdentifierLength, statementBatches);
    }

    public Capabilities withConcurrentIndexes(boolean supported) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, ifExists, supported, notValidConstraints,
                volatileDefaultRewrites, enumChangeCopiesTable, maxIdentifierLength, statementBatches);
    }

    public Capabilities withNotValidConstraints(boolean supported) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, ifExists, concurrentIndexes, supported,
                volatileDefaultRewrites, enumChangeCopiesTable, maxIdentifierLength, statementBatches);
    }

    public Capabilities withVolatileDefaultRewrites(boolean rewrites) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, ifExists, concurrentIndexes, notValidConstraints,
                rewrites, enumChangeCopiesTable, maxIdentifierLength, statementBatches);
    }

    public Capabilities withEnumChangeCopiesTable(boolean copies) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, ifExists, concurrentIndexes, notValidConstraints,
                volatileDefaultRewrites, copies, maxIdentifierLength, statementBatches);
    }

    public Capabilities withMaxIdentifierLength(int length) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, ifExists, concurrentIndexes, notValidConstraints,
                volatileDefaultRewrites, enumChangeCopiesTable, length, statementBatches);
    }

    public Capabilities withStatementBatches(boolean supported) {
        return new Capabilities(transactionalDdl, beginStatement, partialIndexes, ifExists, concurrentIndexes, notValidConstraints,
                volatileDefaultRewrites, enumChangeCopiesTable, maxIdentifierLength, supported);
    }
}
