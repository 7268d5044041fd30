package dev.retort.internal.exec;

import dev.retort.dsl.op.Insert;
import dev.retort.dsl.op.RunWithConnection;

/**
 * One unit of a step, numbered from 1: an SQL statement rendered from an operation, the rows of an {@code insert},
 * or a {@code connection { }} block. It remembers the operation and script line it came from, so a failure can say
 * exactly where.
 *
 * @param autocommit it runs outside any transaction: it is in an {@code autocommit { }} block, or the dialect cannot
 *                   run its operation inside one (PostgreSQL {@code CREATE INDEX CONCURRENTLY})
 */
public record StepStatement(int number, Work work, String operation, int line, boolean autocommit) {

    /** What the unit does. */
    public sealed interface Work permits Sql, Rows, Callback {}

    /** One SQL statement. */
    public record Sql(String sql) implements Work {}

    /**
     * An {@code insert}: online its rows go in batches of prepared statements, as one unit of progress; offline they
     * are printed as one literal INSERT per row.
     *
     * @param statement the prepared statement of the first row, for messages
     */
    public record Rows(Insert insert, String statement) implements Work {}

    /** A {@code connection { }} block, which needs a live database. */
    public record Callback(RunWithConnection block) implements Work {}

    /** What the unit is, on one line, for messages. */
    public String text() {
        if (work instanceof Sql s) return oneLine(s.sql());
        if (work instanceof Rows r) {
            int n = r.insert().rows().size();
            return oneLine(r.statement()) + " -- " + n + (n == 1 ? " row" : " rows");
        }
        return "connection { … }";
    }

    /** What the progress digest covers: the text, and an insert's values too, so that editing a row counts as a change. */
    String digestText() {
        return work instanceof Rows r ? text() + "\n" + r.insert().rows() : text();
    }

    private static String oneLine(String sql) { return sql.strip().replaceAll("\\s+", " "); }
}
