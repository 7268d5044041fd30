package dev.retort.internal.graph;

import java.util.*;

/**
 * Turns a target as the user types it and the version-table rows into the ordered steps to run, with Alembic's
 * rules: an upgrade runs everything the target needs that is not applied yet (a branch pulls in its dependencies);
 * a downgrade removes what is built on the target and applied, and nothing else. Pure, and linear in the graph.
 */
public final class Planner {
    private final RevisionGraph graph;
    private final Targets targets;

    public Planner(RevisionGraph graph) {
        this.graph = graph;
        this.targets = new Targets(graph);
    }

    public Targets targets() { return targets; }

    // ---- upgrade ----------------------------------------------------------------------------------

    /** The revisions {@code upgrade target} runs from these rows, in order (Alembic's {@code _collect_upgrade_revisions}). */
    public List<String> upgradeSet(List<String> currentRows, String target) {
        checkKnown(currentRows);
        List<String> destinations = targets.upgradeTargets(currentRows, target);
        Set<String> needed = graph.ancestorsOrSelf(destinations, true);
        needed.removeAll(graph.appliedFrom(currentRows));
        return graph.inUpgradeOrder(needed);
    }

    public List<Step> upgrade(List<String> currentRows, String target) {
        List<String> order = upgradeSet(currentRows, target);
        List<Step> steps = new ArrayList<>(order.size());
        LinkedHashSet<String> rows = new LinkedHashSet<>(currentRows);
        for (String id : order) {
            Revision r = graph.get(id);
            List<String> before = List.copyOf(rows);
            // A step replaces the rows of the revisions it revises; the rows of its dependencies stay.
            r.downRevisions().forEach(rows::remove);
            rows.add(id);
            steps.add(new Step(r, Direction.UPGRADE, before, List.copyOf(rows)));
        }
        return steps;
    }

    // ---- downgrade --------------------------------------------------------------------------------

    /** The revisions {@code downgrade target} removes from these rows, newest first (Alembic's {@code _collect_downgrade_revisions}). */
    public List<String> downgradeSet(List<String> currentRows, String target) {
        checkKnown(currentRows);
        Targets.DowngradeTarget destination = targets.downgradeTarget(currentRows, target);
        String keep = destination.revision();
        List<String> roots = keep == null ? graph.bases() : graph.children(keep);
        if (destination.label() != null && roots.size() > 1) {
            // Only the named branch goes down: keep the roots that lie below the branch's revision.
            Set<String> below = graph.ancestorsOrSelf(List.of(targets.resolveBranch(destination.label())), false);
            roots = roots.stream().filter(below::contains).toList();
            if (roots.isEmpty())
                throw new GraphException("Downgrade target " + target + " is not a valid downgrade target from the current "
                        + "head(s) " + describe(currentRows) + ": branch '" + destination.label() + "' does not start there");
        }
        Set<String> applied = graph.appliedFrom(currentRows);
        Set<String> remove = graph.descendantsOrSelf(roots, true);
        remove.retainAll(applied);
        if (keep != null && remove.isEmpty() && !currentRows.contains(keep))
            throw new GraphException("Destination " + target + " (" + keep + ") is not a valid downgrade target from the current "
                    + "head(s) " + describe(currentRows) + ": it is not an ancestor of what is applied; 'retort history -i' "
                    + "shows where the database is");
        return graph.inDowngradeOrder(remove);
    }

    public List<Step> downgrade(List<String> currentRows, String target) {
        List<String> order = downgradeSet(currentRows, target);
        Set<String> applied = graph.appliedFrom(currentRows);
        List<Step> steps = new ArrayList<>(order.size());
        LinkedHashSet<String> rows = new LinkedHashSet<>(currentRows);
        for (String id : order) {
            Revision r = graph.get(id);
            List<String> before = List.copyOf(rows);
            applied.remove(id);
            rows.remove(id);
            // A revision that is no longer covered by an applied child gets its row back (an "unmerge" for a merge).
            List<String> below = new ArrayList<>(r.downRevisions());
            below.addAll(graph.dependencies(id));
            for (String p : below)
                if (applied.contains(p) && !rows.contains(p) && graph.children(p).stream().noneMatch(applied::contains)
                        && (r.downRevisions().contains(p) || !coveredByDependents(p, applied)))
                    rows.add(p);
            steps.add(new Step(r, Direction.DOWNGRADE, before, List.copyOf(rows)));
        }
        return steps;
    }

    /** Whether an applied revision still depends on this one, so rows written by Alembic (which fold dependencies) stay valid. */
    private boolean coveredByDependents(String id, Set<String> applied) {
        for (String d : graph.dependents(id)) if (applied.contains(d)) return true;
        return false;
    }

    // ---- stamp ------------------------------------------------------------------------------------

    /**
     * The rows after {@code stamp destinations}: rows on the same line of descent as a destination (dependencies
     * included) are replaced by it; {@code base} clears them; unrelated rows stay. With purge, all rows go first.
     */
    public List<String> stamp(List<String> currentRows, List<String> destinations, boolean purge) {
        List<String> rows = purge ? List.of() : List.copyOf(currentRows);
        if (!purge) checkKnown(rows);
        List<String> dests = new ArrayList<>();
        for (String d : destinations)
            for (String f : targets.revisions(d)) if (!dests.contains(f)) dests.add(f);
        for (String a : dests)
            for (String b : dests)
                if (!a.equals(b) && graph.ancestorsOrSelf(List.of(b), false).contains(a))
                    throw new GraphException("Requested revision " + b + " overlaps with other requested revision " + a
                            + " (" + a + " is below it); stamp only the upper one", List.of(a, b));
        Set<String> replaced = new HashSet<>();
        for (String d : destinations) {
            if (!targets.revisions(d).isEmpty()) continue;
            int at = d.indexOf('@');
            if (at < 0) { replaced.addAll(rows); continue; }
            // label@base clears only the rows of that branch (dependencies count as lineage here, as in Alembic).
            String branch = targets.resolveBranch(d.substring(0, at));
            for (String row : rows) if (graph.sharesLineage(row, branch, true)) replaced.add(row);
        }
        for (String d : dests) {
            Set<String> line = graph.ancestorsOrSelf(List.of(d), true);
            line.addAll(graph.descendantsOrSelf(List.of(d), true));
            for (String row : rows) if (line.contains(row)) replaced.add(row);
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String row : rows) if (!replaced.contains(row)) kept.add(row);
        kept.addAll(dests);
        return graph.headsOf(graph.appliedFrom(kept));
    }

    // ---- history range ----------------------------------------------------------------------------

    /**
     * The revisions of {@code history -r START:END}, newest first: END and what it needs, down to and including START.
     * Empty START means base and empty END means all heads; START must lie below END.
     */
    public List<String> range(List<String> startRevisions, List<String> endRevisions, String text) {
        Set<String> required = graph.ancestorsOrSelf(endRevisions, true);
        for (String s : startRevisions)
            if (!required.contains(s))
                throw new GraphException("Requested range " + text + " does not refer to ancestor/descendant revisions along "
                        + "the same branch: " + s + " is not below " + describe(endRevisions));
        if (!startRevisions.isEmpty()) required.retainAll(graph.descendantsOrSelf(startRevisions, false));
        return graph.inDowngradeOrder(required);
    }

    /** One end of a history range: a symbol, or a walk that stops at the edge instead of failing. */
    public List<String> rangeEnd(String symbol, List<String> currentRows, boolean upper) {
        if (symbol.isEmpty()) return upper ? graph.realHeads() : List.of();
        if (symbol.equals("current")) return currentRows;
        Targets.Relative rel = Targets.Relative.parse(symbol);
        if (rel == null) return targets.revisions(symbol);
        if (rel.symbol() == null && rel.steps() < 0) return targets.revisions(symbol);
        String start = rel.symbol() == null ? (currentRows.size() == 1 ? currentRows.get(0) : null)
                : targets.single(rel.label() == null || rel.steps() > 0 ? rel.symbol() : rel.label() + "@" + rel.symbol());
        String at = start;
        for (int i = 0; i < Math.abs(rel.steps()); i++) {
            String next = targets.walk(at, Integer.signum(rel.steps()), rel.steps() > 0 ? rel.label() : null, symbol);
            if (next == null) break; // history clamps at the edge, as Alembic's history does
            at = next;
        }
        return at == null || at.equals(Targets.BASE) ? List.of() : List.of(at);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void checkKnown(List<String> rows) {
        for (String row : rows)
            if (!graph.contains(row))
                throw new GraphException("The database is at revision " + row + ", which is not among the revision scripts; "
                        + "restore that revision's file, or reset the version table with 'retort stamp'", List.of(row));
    }

    private static String describe(List<String> rows) { return rows.isEmpty() ? "(none)" : String.join(", ", rows); }
}
