package dev.retort.command;

import dev.retort.db.Database;
import dev.retort.db.DatabaseException;
import dev.retort.db.VersionTable;
import dev.retort.graph.Revision;
import dev.retort.graph.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The read-only commands: {@code current}, {@code heads}, {@code history}. */
public final class Status {
    private Status() {}

    /** A revision as {@code current}/{@code heads}/{@code history} show it. */
    public record RevisionView(String id, List<String> parents, List<String> branchLabels, String message,
                               boolean head, boolean branchPoint, boolean mergePoint, String path) {
        /** Alembic's short form: {@code 3f2a1c9d0b7e (billing) (head)}. */
        public String shortForm() {
            StringBuilder sb = new StringBuilder(id);
            if (!branchLabels.isEmpty()) sb.append(" (").append(String.join(", ", branchLabels)).append(')');
            if (head) sb.append(" (head)");
            return sb.toString();
        }

        /** Alembic's history line: {@code 1975ea83b712 -> 3f2a1c9d0b7e (head), add email}. */
        public String historyLine() {
            StringBuilder sb = new StringBuilder(parents.isEmpty() ? "<base>" : String.join(", ", parents)).append(" -> ").append(id);
            if (!branchLabels.isEmpty()) sb.append(" (").append(String.join(", ", branchLabels)).append(')');
            if (head) sb.append(" (head)");
            if (branchPoint) sb.append(" (branchpoint)");
            if (mergePoint) sb.append(" (mergepoint)");
            return sb.append(", ").append(message).toString();
        }
    }

    public static RevisionView view(Project project, String id) {
        RevisionGraph g = project.graph();
        Revision r = g.get(id);
        return new RevisionView(r.id(), r.downRevisions(), r.branchLabels(), r.message(), g.children(id).isEmpty(),
                g.isBranchPoint(id), r.isMerge(), project.source(id).file().toString());
    }

    public static List<String> currentHeads(Project project, Database database) {
        VersionTable versionTable = new VersionTable(database.dialect(), project.config().versionTable());
        try (Connection c = database.connection()) {
            List<String> heads = versionTable.heads(c);
            project.checkKnown(heads);
            return heads;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the version table " + versionTable.name() + ": " + e.getMessage(), e);
        }
    }

    public static List<RevisionView> current(Project project, Database database) {
        return currentHeads(project, database).stream().map(id -> view(project, id)).toList();
    }

    public static List<RevisionView> heads(Project project) {
        return project.graph().heads().stream().map(id -> view(project, id)).toList();
    }

    /** Newest first. */
    public static List<RevisionView> history(Project project) {
        List<String> order = project.graph().topologicalOrder();
        List<RevisionView> out = new ArrayList<>(order.size());
        for (int i = order.size() - 1; i >= 0; i--) out.add(view(project, order.get(i)));
        return out;
    }
}
