package dev.retort.internal.exec;

import dev.retort.internal.db.DatabaseException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Plain SQL statements that run one after another in the open transaction: a step's statements, its version-table
 * change and history row. Where the dialect has {@code statementBatches} they go to the database as one JDBC batch,
 * one round trip; elsewhere one by one. Each entry knows what its failure means to the user, so a batch that fails
 * reports the statement that failed as the one-by-one run would.
 */
final class StatementBatch {
    /** One statement, and the error that tells the user about its failure. */
    record Entry(String sql, Function<SQLException, DatabaseException> failure) {}

    /** How a batch ended: every entry ran, or one failed (its index, when known, and the driver's exception). */
    sealed interface Outcome permits Done, Failed {}
    record Done() implements Outcome {}
    /** @param entry the failing entry's index, or empty where the driver does not say which one failed */
    record Failed(OptionalInt entry, SQLException cause) implements Outcome {}

    private final List<Entry> entries = new ArrayList<>();

    void add(String sql, Function<SQLException, DatabaseException> failure) { entries.add(new Entry(sql, failure)); }

    boolean isEmpty() { return entries.isEmpty(); }

    /** Takes the entries out, leaving the batch empty for the next ones. */
    List<Entry> drain() {
        List<Entry> out = List.copyOf(entries);
        entries.clear();
        return out;
    }

    /** Runs the entries in one JDBC batch ({@code together}) or one by one, stopping at the first that fails. */
    static Outcome run(Connection connection, List<Entry> entries, boolean together) throws SQLException {
        if (entries.isEmpty()) return new Done();
        try (Statement st = connection.createStatement()) {
            if (!together) {
                for (int i = 0; i < entries.size(); i++) {
                    try {
                        st.execute(entries.get(i).sql());
                    } catch (SQLException e) {
                        return new Failed(OptionalInt.of(i), e);
                    }
                }
                return new Done();
            }
            for (Entry e : entries) st.addBatch(e.sql());
            try {
                st.executeBatch();
                return new Done();
            } catch (BatchUpdateException e) {
                return new Failed(failedEntry(e.getUpdateCounts(), entries.size()), own(e));
            }
        }
    }

    /**
     * The failing entry as the update counts show it: the first {@code EXECUTE_FAILED} after entries that ran, or the
     * first entry without a count when the driver stopped there. Where every count is {@code EXECUTE_FAILED} (PgJDBC
     * inside a transaction, where nothing of the batch is committed) the counts do not say, so: empty.
     */
    static OptionalInt failedEntry(int[] counts, int size) {
        if (counts == null) return OptionalInt.empty();
        for (int i = 0; i < counts.length; i++)
            if (counts[i] == Statement.EXECUTE_FAILED) return i > 0 ? OptionalInt.of(i) : OptionalInt.empty();
        return counts.length < size ? OptionalInt.of(counts.length) : OptionalInt.empty();
    }

    /** The failing statement's own exception, which the driver chains to the batch's: its message is the database's. */
    private static SQLException own(BatchUpdateException e) {
        if (e.getNextException() != null) return e.getNextException();
        return e.getCause() instanceof SQLException cause ? cause : e;
    }
}
