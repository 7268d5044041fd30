package dev.retort.internal.command;

import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.VersionTable;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The read-only commands: {@code current}, {@code heads}, {@code history}, {@code branches}, {@code show}. */
public final class Status {
    private Status() {}

    /**
     * A revision as the read-only commands show it.
     *
     * @param head          nothing revises it (Alembic's {@code is_head})
     * @param realHead      nothing revises it or depends on it; a head that is not real is an "(effective head)"
     * @param current       it is a row of the version table (for {@code history -i} and {@code show current})
     */
    public record RevisionView(String id, List<String> parents, List<String> dependsOn, List<String> branchLabels, String message,
                               boolean head, boolean realHead, boolean branchPoint, boolean mergePoint, List<String> nextRevisions,
                               String path, boolean current, List<String> replaces) {
        public RevisionView {
            replaces = List.copyOf(replaces);
        }

        /** Alembic's one-line form; which parts appear depends on the command. */
        public String line(boolean withBranches, boolean withDoc, boolean withParents, boolean treeIndicators) {
            return line(withBranches, withDoc, withParents, treeIndicators, true);
        }

        /** @param markCurrent false where every revision listed is current anyway ({@code current} itself) */
        private String line(boolean withBranches, boolean withDoc, boolean withParents, boolean treeIndicators, boolean markCurrent) {
            StringBuilder sb = new StringBuilder();
            if (withParents) {
                sb.append(parents.isEmpty() ? "<base>" : String.join(", ", parents));
                if (!dependsOn.isEmpty()) sb.append(" (").append(String.join(", ", dependsOn)).append(')');
                sb.append(" -> ");
            }
            sb.append(id);
            if (withBranches && !branchLabels.isEmpty()) sb.append(" (").append(String.join(", ", branchLabels)).append(')');
            if (realHead) sb.append(" (head)");
            if (head && !realHead) sb.append(" (effective head)");
            if (current && markCurrent) sb.append(" (current)");
            if (treeIndicators) {
                if (branchPoint) sb.append(" (branchpoint)");
                if (mergePoint) sb.append(" (mergepoint)");
            }
            if (withDoc) sb.append(", ").append(message);
            return sb.toString();
        }

        /** {@code current}: {@code 3f2a1c9d0b7e (head)}. */
        public String currentLine() { return line(false, false, false, true, false); }

        /** {@code heads}: {@code 3f2a1c9d0b7e (billing) (head)}. */
        public String headsLine() { return line(true, false, false, false); }

        /** {@code history}: {@code 1975ea83b712 -> 3f2a1c9d0b7e (head), add email}. */
        public String historyLine() { return line(true, true, true, true); }

        /** Alembic's verbose entry ({@code -v}, {@code show}), ending with a blank line. */
        public String logEntry() {
            StringBuilder sb = new StringBuilder("Rev: ").append(id);
            if (head) sb.append(" (head)");
            if (branchPoint) sb.append(" (branchpoint)");
            if (mergePoint) sb.append(" (mergepoint)");
            if (current) sb.append(" (current)");
            sb.append('\n').append(mergePoint ? "Merges: " : "Parent: ").append(parents.isEmpty() ? "<base>" : String.join(", ", parents)).append('\n');
            if (!dependsOn.isEmpty()) sb.append("Also depends on: ").append(String.join(", ", dependsOn)).append('\n');
            if (branchPoint) sb.append("Branches into: ").append(String.join(", ", nextRevisions)).append('\n');
            if (!branchLabels.isEmpty()) sb.append("Branch names: ").append(String.join(", ", branchLabels)).append('\n');
            if (!replaces.isEmpty()) sb.append("Replaces: ").append(String.join(", ", replaces)).append('\n');
            sb.append("Path: ").append(path).append("\n\n");
            for (String l : message.split("\n", -1)) sb.append("    ").append(l).append('\n');
            return sb.toString();
        }
    }

    public static RevisionView view(Project project, String id) { return view(project, id, Set.of()); }

    public static RevisionView view(Project project, String id, Collection<String> currentRows) {
        RevisionGraph g = project.graph();
        Revision r = g.get(id);
        return new RevisionView(r.id(), r.downRevisions(), r.dependsOn(), List.copyOf(g.branchLabels(id)), r.message(),
                g.isHead(id), g.isRealHead(id), g.isBranchPoint(id), r.isMerge(), g.children(id),
                project.source(id).file().toString(), currentRows.contains(id), r.replaces());
    }

    // ---- database -------------------------------------------------------------------------------

    /** The version-table rows as stored. */
    public static List<String> currentRows(Project project, Database database) {
        VersionTable versionTable = new VersionTable(database.dialect(), project.config().versionTable());
        try (Connection c = database.connection()) {
            List<String> rows = versionTable.heads(c);
            project.checkKnown(rows);
            return rows;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the version table " + versionTable.name() + ": " + e.getMessage(), e);
        }
    }

    /** Kept for callers of the first API: the rows as stored. */
    public static List<String> currentHeads(Project project, Database database) { return currentRows(project, database); }

    /** {@code current}: the branch heads of what the rows have applied (Alembic's {@code get_all_current}). */
    public static List<RevisionView> current(Project project, List<String> storedRows) {
        Project seen = project.atRows(storedRows);
        List<String> rows = seen.rows();
        RevisionGraph g = seen.graph();
        List<String> current = g.headsOf(g.appliedFrom(rows));
        return current.stream().map(id -> view(seen, id, current)).toList();
    }

    public static List<RevisionView> current(Project project, Database database) { return current(project, currentRows(project, database)); }

    /** The heads of the scripts that the rows have not applied; empty when the database is at all heads. */
    public static List<String> missingHeads(Project project, List<String> storedRows) {
        Project seen = project.atRows(storedRows);
        List<String> rows = seen.rows();
        RevisionGraph g = seen.graph();
        Set<String> applied = g.appliedFrom(rows);
        return g.heads().stream().filter(h -> !applied.contains(h)).toList();
    }

    // ---- scripts --------------------------------------------------------------------------------

    /** {@code heads}: versioned heads; with dependencies resolved, only heads nothing depends on. */
    public static List<RevisionView> heads(Project project, boolean resolveDependencies) {
        RevisionGraph g = project.graph();
        return (resolveDependencies ? g.realHeads() : g.heads()).stream().map(id -> view(project, id)).toList();
    }

    public static List<RevisionView> heads(Project project) { return heads(project, false); }

    /** Newest first: every revision. */
    public static List<RevisionView> history(Project project) { return history(project, null, List.of(), false); }

    /**
     * Newest first. {@code range} is {@code START:END} (either side may be empty or {@code current}); {@code rows} are
     * the version-table rows, used for {@code current} endpoints and, with {@code markCurrent}, marked {@code (current)}.
     */
    public static List<RevisionView> history(Project project, String range, List<String> storedRows, boolean markCurrent) {
        Project seen = project.atRows(storedRows);
        List<String> rows = seen.rows();
        RevisionGraph g = seen.graph();
        List<String> ids;
        if (range == null) {
            ids = new ArrayList<>(g.topologicalOrder());
            java.util.Collections.reverse(ids);
        } else {
            int colon = range.indexOf(':');
            if (colon < 0)
                throw new GraphException("History range requires [start]:[end], [start]:, or :[end]; got '" + range + "'");
            Planner planner = new Planner(g);
            String start = range.substring(0, colon).strip();
            String end = range.substring(colon + 1).strip();
            ids = planner.range(planner.rangeEnd(start, rows, false), planner.rangeEnd(end, rows, true), range);
        }
        List<String> marked = markCurrent ? rows : List.of();
        return ids.stream().map(id -> view(seen, id, marked)).toList();
    }

    /** A branch point and the revisions it branches into. */
    public record BranchView(RevisionView branchPoint, List<RevisionView> branches) {}

    /** {@code branches}: every branch point, newest first. */
    public static List<BranchView> branches(Project project) {
        List<BranchView> out = new ArrayList<>();
        for (RevisionView v : history(project))
            if (v.branchPoint()) out.add(new BranchView(v, v.nextRevisions().stream().map(id -> view(project, id)).toList()));
        return out;
    }

    /** {@code show REV}: the revisions a symbol names ({@code current} means the rows). */
    public static List<RevisionView> show(Project project, String symbol, List<String> storedRows) {
        // A replaced revision is shown from its file even where its squash stands in for it.
        Project seen = project.atRows(storedRows).isReplaced(symbol) ? project.originalsAt(storedRows) : project.atRows(storedRows);
        List<String> rows = seen.rows();
        List<String> ids = symbol.equals("current") ? rows : new Planner(seen.graph()).targets().revisions(symbol);
        if (ids.isEmpty()) throw new GraphException("No revision files indicated by symbol '" + symbol + "'");
        return ids.stream().map(id -> view(seen, id, rows)).toList();
    }
}
