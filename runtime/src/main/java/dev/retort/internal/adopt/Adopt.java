package dev.retort.internal.adopt;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Stamp;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.Tables;
import dev.retort.internal.db.VersionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code adopt --from alembic|flyway|liquibase [--at REV]}: takes over a database another tool manages. Reads the
 * tool's history table, says what it found, refuses while that tool shows a failed or unfinished migration, and
 * stamps REV, or the revision whose header says it {@code adopts} the version the database is at. Nothing of the
 * schema or of the other tool's table changes.
 */
public final class Adopt {
    private Adopt() {}

    /** Why a database is not taken over; the message says what to do. */
    public static final class Refused extends IllegalStateException {
        Refused(String message) { super(message); }
    }

    /** @return the revisions stamped */
    public static List<String> run(Project project, Database database, MigrationTool tool, String at, Consumer<String> progress) {
        ForeignHistory history;
        try (Connection c = database.connection()) {
            Optional<String> table = Tables.find(c, tool.table());
            if (table.isEmpty())
                throw new Refused("there is no " + tool.table() + " table in " + where(c) + ", so " + tool.toolName() + " does not manage "
                        + "this database (or manages it in another schema); check the url (-n SECTION, --url) or --from");
            history = tool.read(c, table.get());
            List<String> heads = new VersionTable(database.dialect(), project.config().versionTable()).heads(c);
            if (!heads.isEmpty())
                throw new Refused("Retort already manages this database: " + project.config().versionTable() + " holds "
                        + String.join(", ", heads) + "; adopt takes over a database Retort does not track yet. Use retort stamp to move it");
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + tool.toolName() + "'s history: " + e.getMessage(), e);
        }
        progress.accept("Found " + history.table() + ": " + history.summary());
        if (!history.problems().isEmpty())
            throw new Refused("not adopting: " + String.join("; ", history.problems()));
        if (at != null) {
            progress.accept("Stamping " + at + " (--at)");
            return Stamp.online(project, database, List.of(at), false, progress);
        }
        List<Match> matches = matching(project, history);
        for (Match m : matches) progress.accept("Stamping " + m.revision() + " (adopts " + tool.toolName() + ":" + m.version() + ")");
        return Stamp.online(project, database, matches.stream().map(Match::revision).toList(), false, progress);
    }

    /** A revision that adopts the version the database is at. */
    private record Match(String revision, String version) {}

    /** The revisions whose {@code adopts} header names the version(s) the database is at. */
    private static List<Match> matching(Project project, ForeignHistory history) {
        MigrationTool tool = history.tool();
        List<Match> out = new ArrayList<>();
        if (tool == MigrationTool.FLYWAY) {
            Map<FlywayVersion, String> adopted = Adoptions.flyway(project);
            FlywayVersion current = FlywayVersion.parse(history.current().get(0));
            String rev = adopted.get(current);
            if (rev == null) throw noMatch(tool, history.current().get(0), adopted.keySet().stream().map(Object::toString).toList());
            checkNothingPending(history, adopted, current);
            out.add(new Match(rev, history.current().get(0)));
        } else {
            Map<String, String> adopted = Adoptions.of(project, tool.toolName());
            for (String version : history.current()) {
                String rev = adopted.get(version);
                if (rev == null) throw noMatch(tool, version, List.copyOf(adopted.keySet()));
                out.add(new Match(rev, version));
            }
        }
        return out;
    }

    /**
     * Stamping the revision of version N marks every revision before it as applied. A version below N that the project
     * adopts but the history does not show applied (Flyway ignored it, or it came after N with outOfOrder off) would be
     * marked applied without having run.
     */
    private static void checkNothingPending(ForeignHistory history, Map<FlywayVersion, String> adopted, FlywayVersion current) {
        List<FlywayVersion> applied = history.applied().stream().map(FlywayVersion::parse).toList();
        List<String> pending = adopted.keySet().stream().filter(v -> v.compareTo(current) < 0 && !applied.contains(v))
                .map(v -> "flyway:" + v + " (revision " + adopted.get(v) + ")").toList();
        if (!pending.isEmpty())
            throw new Refused("not adopting: " + String.join(", ", pending) + (pending.size() == 1 ? " is" : " are") + " pending: "
                    + history.table() + " does not show " + (pending.size() == 1 ? "it" : "them") + " applied, though it is at " + current
                    + "; apply " + (pending.size() == 1 ? "it" : "them") + " with Flyway first (flyway migrate -outOfOrder=true), "
                    + "or choose the revision to stamp with --at REV");
    }

    private static Refused noMatch(MigrationTool tool, String version, List<String> known) {
        return new Refused("no revision says adopts '" + tool.toolName() + ":" + version + "', the version the database is at"
                + (known.isEmpty() ? " (no revision adopts any " + tool.toolName() + " version)" : " (adopted: " + String.join(", ", known) + ")")
                + "; add adopts '" + tool.toolName() + ":" + version + "' to the header of the revision whose schema matches it, "
                + "or name that revision with --at REV");
    }

    private static String where(Connection c) throws SQLException {
        String catalog = c.getCatalog();
        String schema = c.getSchema();
        return "database " + catalog + (schema == null ? "" : ", schema " + schema);
    }
}
