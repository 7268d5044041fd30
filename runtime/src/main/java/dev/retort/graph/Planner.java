package dev.retort.graph;

import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a target as the user types it ({@code head}, {@code +2}, {@code -1}, {@code base}, {@code ae10},
 * {@code billing@head}, {@code ae10+1}) and the version-table heads into the ordered steps to run. Pure.
 */
public final class Planner {
    private static final Pattern RELATIVE = Pattern.compile("^(?:(.+?)@)?(.*?)([+-]\\d+)$");

    private final RevisionGraph graph;

    public Planner(RevisionGraph graph) { this.graph = graph; }

    // ---- upgrade ----------------------------------------------------------------------------------

    public List<Step> upgrade(List<String> currentHeads, String target) {
        Set<String> applied = graph.appliedFrom(currentHeads);
        Set<String> targets = upgradeTargets(currentHeads, applied, target);
        Set<String> needed = graph.ancestorsOrSelf(targets, true);
        needed.removeAll(applied);
        return simulateUpgrade(currentHeads, applied, graph.inUpgradeOrder(needed));
    }

    private Set<String> upgradeTargets(List<String> currentHeads, Set<String> applied, String target) {
        if (target.equals("heads")) return new LinkedHashSet<>(graph.heads());
        if (target.equals("head")) return Set.of(singleHead(graph.heads(), "head"));
        Matcher m = RELATIVE.matcher(target);
        if (m.matches() && m.group(3).startsWith("+")) {
            int n = Integer.parseInt(m.group(3).substring(1));
            String from = m.group(2).isEmpty() ? (m.group(1) != null ? branchCurrent(m.group(1), currentHeads) : singleCurrent(currentHeads, target))
                    : m.group(2).equals("base") ? null : resolveSymbol(m.group(2), m.group(1));
            return Set.of(walkUp(from, n, target));
        }
        if (m.matches() && m.group(3).startsWith("-")) {
            // head-N / rev-N on upgrade: a revision N below the named one
            return Set.of(walkDown(resolveSymbol(m.group(2), m.group(1)), Integer.parseInt(m.group(3).substring(1)), target)
                    .orElseThrow(() -> new GraphException("Relative revision " + target + " goes below base")));
        }
        int at = target.indexOf('@');
        if (at > 0) return Set.of(resolveSymbol(target.substring(at + 1), target.substring(0, at)));
        return Set.of(graph.resolve(target).id());
    }

    private List<Step> simulateUpgrade(List<String> currentHeads, Set<String> applied, List<String> order) {
        List<Step> steps = new ArrayList<>();
        List<String> heads = new ArrayList<>(currentHeads);
        for (String id : order) {
            Revision r = graph.get(id);
            List<String> before = List.copyOf(heads);
            heads.removeAll(r.downRevisions());
            heads.add(id);
            applied.add(id);
            steps.add(new Step(r, Direction.UPGRADE, before, heads));
        }
        return steps;
    }

    // ---- downgrade --------------------------------------------------------------------------------

    public List<Step> downgrade(List<String> currentHeads, String target) {
        Set<String> applied = graph.appliedFrom(currentHeads);
        Set<String> remove;
        if (target.equals("base")) {
            remove = new HashSet<>(applied);
        } else if (target.endsWith("@base")) {
            String label = target.substring(0, target.length() - "@base".length());
            remove = graph.descendantsOrSelf(Set.of(branchBase(label)));
            remove.retainAll(applied);
        } else {
            Matcher m = RELATIVE.matcher(target);
            Optional<String> keep;
            if (m.matches() && m.group(3).startsWith("-")) {
                int n = Integer.parseInt(m.group(3).substring(1));
                String from = m.group(2).isEmpty()
                        ? (m.group(1) != null ? branchCurrent(m.group(1), currentHeads) : singleCurrent(currentHeads, target))
                        : resolveSymbol(m.group(2), m.group(1));
                keep = walkDown(from, n, target);
            } else {
                int at = target.indexOf('@');
                keep = Optional.of(at > 0 ? resolveSymbol(target.substring(at + 1), target.substring(0, at)) : graph.resolve(target).id());
            }
            if (keep.isEmpty()) {
                remove = new HashSet<>(applied);
            } else {
                String k = keep.get();
                if (!applied.contains(k))
                    throw new GraphException("downgrade target " + k + " is not applied (not an ancestor of the current "
                            + "revision" + (currentHeads.size() == 1 ? " " : "s ") + String.join(", ", currentHeads) + ")");
                remove = graph.descendantsOrSelf(Set.of(k));
                remove.remove(k);
                remove.retainAll(applied);
            }
        }
        return simulateDowngrade(currentHeads, applied, graph.inDowngradeOrder(remove));
    }

    private List<Step> simulateDowngrade(List<String> currentHeads, Set<String> applied, List<String> order) {
        List<Step> steps = new ArrayList<>();
        List<String> heads = new ArrayList<>(currentHeads);
        for (String id : order) {
            Revision r = graph.get(id);
            List<String> before = List.copyOf(heads);
            applied.remove(id);
            heads.remove(id);
            for (String p : r.downRevisions())
                if (!heads.contains(p) && graph.children(p).stream().noneMatch(applied::contains)) heads.add(p);
            steps.add(new Step(r, Direction.DOWNGRADE, before, heads));
        }
        return steps;
    }

    // ---- symbols ----------------------------------------------------------------------------------

    /** {@code head}, {@code base} (null), a revision, or a label's {@code head}/{@code base} when a branch is named. */
    private String resolveSymbol(String symbol, String branch) {
        if (branch == null) {
            if (symbol.equals("head")) return singleHead(graph.heads(), "head");
            if (symbol.equals("base")) return null;
            return graph.resolve(symbol).id();
        }
        String labelled = graph.labelled(branch).orElseGet(() -> graph.resolve(branch).id());
        if (symbol.equals("head") || symbol.isEmpty()) return singleHead(headsAbove(labelled), branch + "@head");
        if (symbol.equals("base")) return branchBase(branch);
        return graph.resolve(symbol).id();
    }

    private List<String> headsAbove(String id) {
        Set<String> above = graph.descendantsOrSelf(Set.of(id));
        return graph.heads().stream().filter(above::contains).toList();
    }

    /** The lowest revision of a labelled branch: walk down from the label while the path does not fork. */
    private String branchBase(String label) {
        String id = graph.labelled(label).orElseGet(() -> graph.resolve(label).id());
        while (true) {
            Revision r = graph.get(id);
            if (r.downRevisions().size() != 1) return id;
            String parent = r.downRevisions().get(0);
            if (graph.children(parent).size() > 1) return id;
            id = parent;
        }
    }

    private String branchCurrent(String label, List<String> currentHeads) {
        String labelled = graph.labelled(label).orElseGet(() -> graph.resolve(label).id());
        Set<String> branch = graph.descendantsOrSelf(Set.of(branchBase(label)));
        branch.addAll(graph.ancestorsOrSelf(Set.of(labelled), false));
        List<String> mine = currentHeads.stream().filter(branch::contains).toList();
        if (mine.isEmpty()) return null;
        return singleHead(mine, label + "@current");
    }

    private String singleCurrent(List<String> currentHeads, String target) {
        if (currentHeads.isEmpty()) return null;
        if (currentHeads.size() > 1)
            throw new GraphException("relative target " + target + " is ambiguous: the database is at several heads ("
                    + String.join(", ", currentHeads) + "); name a branch, e.g. LABEL@" + target + " or REV" + target);
        return currentHeads.get(0);
    }

    private static String singleHead(List<String> heads, String what) {
        if (heads.size() == 1) return heads.get(0);
        if (heads.isEmpty()) throw new GraphException("there are no revisions yet; create one with 'retort revision -m MESSAGE'");
        throw new GraphException("Multiple head revisions are present for '" + what + "' (" + String.join(", ", heads)
                + "); name one of them, use 'heads' to include all, or merge them with 'retort merge'");
    }

    private String walkUp(String from, int n, String target) {
        String id = from;
        for (int i = 0; i < n; i++) {
            List<String> next = id == null ? graph.bases() : graph.children(id);
            if (next.isEmpty()) throw new GraphException("Relative revision " + target + " didn't produce " + n + " migrations");
            if (next.size() > 1)
                throw new GraphException("Relative revision " + target + " is ambiguous at " + (id == null ? "base" : id)
                        + ", which leads to " + String.join(", ", next) + "; name the branch, e.g. REV+N");
            id = next.get(0);
        }
        return id;
    }

    /** N steps down; empty when the walk ends exactly at base. */
    private Optional<String> walkDown(String from, int n, String target) {
        String id = from;
        for (int i = 0; i < n; i++) {
            if (id == null) throw new GraphException("Relative revision " + target + " didn't produce " + n + " migrations");
            Revision r = graph.get(id);
            if (r.downRevisions().size() > 1)
                throw new GraphException("Relative revision " + target + " is ambiguous at merge " + id + " ("
                        + String.join(", ", r.downRevisions()) + "); downgrade to one of them by id");
            id = r.isRoot() ? null : r.downRevisions().get(0);
        }
        return Optional.ofNullable(id);
    }
}
