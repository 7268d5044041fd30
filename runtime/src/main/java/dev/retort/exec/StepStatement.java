package dev.retort.exec;

import dev.retort.dsl.op.RunWithConnection;

/**
 * One unit of a step, numbered from 1: an SQL statement rendered from an operation, or a {@code connection { }}
 * block. It remembers the operation and script line it came from, so a failure can say exactly where.
 *
 * @param sql        the statement, or null for a connection block
 * @param callback   the connection block, or null for a statement
 * @param autocommit it belongs to an {@code autocommit { }} block
 */
public record StepStatement(int number, String sql, RunWithConnection callback, String operation, int line, boolean autocommit) {

    /** What the statement is, on one line, for messages and for the progress digest. */
    public String text() {
        return sql != null ? sql.strip().replaceAll("\\s+", " ") : "connection { … }";
    }
}
