package dev.retort.internal.command;

import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.db.HistoryTable;
import dev.retort.dsl.op.SqlFile;
import dev.retort.internal.script.LoadedRevision;
import dev.retort.internal.script.RevisionChecksum;
import dev.retort.internal.script.ScriptChecksum;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.script.SqlFilesRead;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate}: compares the checksum recorded in the history table for every applied revision with its
 * file now. Line endings do not count (see {@link ScriptChecksum}); any other edit does.
 */
public final class Validate {
    private Validate() {}

    public enum Outcome { UNCHANGED, CHANGED, MISSING }

    /** One applied revision's check; {@code currentChecksum} is null when the file is missing. */
    public record Check(String revision, String script, Outcome outcome, String recordedChecksum, String currentChecksum, Instant appliedAt) {
        /** What is wrong with this revision's script, as {@code validate} reports it; null when it is unchanged. */
        public String problem() {
            return switch (outcome) {
                case UNCHANGED -> null;
                case CHANGED -> "changed: " + script + " (revision " + revision + ") differs from the script applied at " + appliedAt
                        + ": checksum " + abbreviate(currentChecksum) + ", recorded " + abbreviate(recordedChecksum);
                case MISSING -> "missing: " + script + " (revision " + revision + ") was applied at " + appliedAt
                        + " but is not in any version location";
            };
        }

        private static String abbreviate(String checksum) { return checksum.substring(0, 12) + "…"; }
    }

    /** The closing sentence of {@code validate}: all good, or how many scripts differ and what to do. */
    public static String verdict(List<Check> checks) {
        long bad = checks.stream().filter(c -> c.outcome() != Outcome.UNCHANGED).count();
        return bad == 0 ? "OK: the " + checks.size() + " applied revision(s) match their scripts."
                : bad + " of " + checks.size() + " applied revision(s) no longer match their scripts. Restore the applied "
                  + "version from version control, or put the change in a new revision.";
    }

    private static String withSqlFiles(Project project, String revision, String scriptChecksum) {
        LoadedRevision loaded;
        try {
            loaded = project.loader().load(project.source(revision));
        } catch (ScriptException e) {
            return scriptChecksum; // a script that no longer runs, or a SQL file gone, has changed: reported as such
        }
        List<SqlFile> read = SqlFilesRead.in(loaded.upgrade());
        return read.isEmpty() ? scriptChecksum : RevisionChecksum.of(loaded.source().file(), read);
    }

    /** The checks, oldest application first; empty when the database has no history table yet. */
    public static Optional<List<Check>> run(Project project, Database database) {
        HistoryTable history = new HistoryTable(database.dialect(), project.config().historyTable());
        try (Connection c = database.connection()) {
            if (!history.exists(c)) return Optional.empty();
            List<Check> checks = new ArrayList<>();
            for (HistoryRow r : history.lastSuccessful(c).values()) {
                if (r.direction().equals("downgrade") || r.checksum() == null) continue;
                // A revision a squash replaced and 'squash --prune' deleted is gone on purpose.
                if (project.isPruned(r.revision())) continue;
                if (!project.isKnown(r.revision())) {
                    checks.add(new Check(r.revision(), r.script(), Outcome.MISSING, r.checksum(), null, r.finishedAt()));
                    continue;
                }
                var file = project.source(r.revision()).file();
                String now = ScriptChecksum.of(file);
                // A revision that reads SQL files recorded a checksum over them too: only then is it loaded, to find them.
                if (!now.equals(r.checksum())) now = withSqlFiles(project, r.revision(), now);
                checks.add(new Check(r.revision(), MigrationRunner.scriptPath(project, file),
                        now.equals(r.checksum()) ? Outcome.UNCHANGED : Outcome.CHANGED, r.checksum(), now, r.finishedAt()));
            }
            return Optional.of(checks);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the history table " + history.name() + ": " + e.getMessage(), e);
        }
    }
}
