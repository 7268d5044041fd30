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
    public sealed interface Work permits Sql, Rows, Callback {
        /** Hands this work to the handler's method for its kind. */
        <R, X extends Exception> R accept(Handler<R, X> handler) throws X;
    }

    /**
     * One answer per kind of work, so that a new kind does not compile until every sink handles it.
     *
     * @param <X> what running the work may throw (a sink runs it against a database)
     */
    public interface Handler<R, X extends Exception> {
        R sql(Sql work) throws X;
        R rows(Rows work) throws X;
        R callback(Callback work) throws X;
    }

    /** One SQL statement. */
    public record Sql(String sql) implements Work {
        @Override public <R, X extends Exception> R accept(Handler<R, X> handler) throws X { return handler.sql(this); }
    }

    /**
     * An {@code insert}: online its rows go in batches of prepared statements, as one unit of progress; offline they
     * are printed as one literal INSERT per row.
     *
     * @param statement the prepared statement of the first row, for messages
     */
    public record Rows(Insert insert, String statement) implements Work {
        @Override public <R, X extends Exception> R accept(Handler<R, X> handler) throws X { return handler.rows(this); }
    }

    /** A {@code connection { }} block, which needs a live database. */
    public record Callback(RunWithConnection block) implements Work {
        @Override public <R, X extends Exception> R accept(Handler<R, X> handler) throws X { return handler.callback(this); }
    }

    /** What the unit is, on one line, for messages. */
    public String text() { return work.accept(TEXT); }

    /** What the progress digest covers: the text, and an insert's values too, so that editing a row counts as a change. */
    String digestText() { return work.accept(DIGEST_TEXT); }

    private static final Handler<String, RuntimeException> TEXT = new Handler<>() {
        @Override public String sql(Sql work) { return oneLine(work.sql()); }
        @Override public String rows(Rows work) {
            int n = work.insert().rows().size();
            return oneLine(work.statement()) + " -- " + n + (n == 1 ? " row" : " rows");
        }
        @Override public String callback(Callback work) { return "connection { … }"; }
    };

    private static final Handler<String, RuntimeException> DIGEST_TEXT = new Handler<>() {
        @Override public String sql(Sql work) { return TEXT.sql(work); }
        @Override public String rows(Rows work) { return TEXT.rows(work) + "\n" + work.insert().rows(); }
        @Override public String callback(Callback work) { return TEXT.callback(work); }
    };

    private static String oneLine(String sql) { return sql.strip().replaceAll("\\s+", " "); }
}
