package dev.retort.internal.graph;

import java.util.*;

/**
 * The revisions of a project as a directed acyclic graph, with Alembic's revision-map semantics: edges run from a
 * revision to the ones it revises (versioned down revisions) and to the ones it depends on (dependencies order
 * revisions but do not merge branches). Pure data: no files, no database. Built once in linear time, then read.
 */
public final class RevisionGraph {
    /** Characters Alembic reserves for the target grammar ({@code label@rev}, {@code rev+1}, {@code FROM:TO}). */
    private static final String ILLEGAL_ID_CHARS = "@-+:";

    private final Map<String, Revision> byId;
    private final Map<String, Integer> index;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> dependents = new HashMap<>();
    /** Only revisions with dependencies have an entry; most have none. */
    private final Map<String, List<String>> resolvedDeps = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, Set<String>> effectiveLabels = new HashMap<>();
    private final List<String> heads;
    private final List<String> realHeads;
    private final List<String> bases;
    private final List<String> topological;

    private RevisionGraph(Map<String, Revision> byId) {
        this.byId = byId;
        // Sized once: a graph of 10,000 revisions is built on every launch of heads or history, and rehashing shows.
        int capacity = byId.size() * 4 / 3 + 1;
        this.index = new HashMap<>(capacity);
        this.children = new HashMap<>(capacity);
        int i = 0;
        for (Revision r : byId.values()) {
            index.put(r.id(), i++);
            checkId(r);
            for (String label : r.branchLabels()) {
                String previous = labels.putIfAbsent(label, r.id());
                if (previous != null)
                    throw new GraphException("Branch label '" + label + "' in revision " + r.id() + " is already used by revision "
                            + previous + "; a label names one branch, so rename one of them", List.of(r.id(), previous));
                if (byId.containsKey(label))
                    throw new GraphException("Branch label '" + label + "' of revision " + r.id() + " is also a revision id; "
                            + "choose another label", List.of(r.id()));
            }
        }
        for (Revision r : byId.values()) {
            for (String p : r.downRevisions()) {
                if (!byId.containsKey(p))
                    throw new GraphException("Revision " + r.id() + " revises '" + p + "', which is not present; fix its "
                            + "'revises' header or restore the missing revision", List.of(r.id()));
                children.computeIfAbsent(p, k -> new ArrayList<>(1)).add(r.id());
            }
            List<String> deps = new ArrayList<>(r.dependsOn().size());
            for (String d : r.dependsOn()) {
                String id = byId.containsKey(d) ? d : labels.get(d);
                if (id == null)
                    throw new GraphException("Revision " + r.id() + " depends on '" + d + "', which is neither a revision nor a "
                            + "branch label; fix its 'dependsOn' header or restore the missing revision", List.of(r.id()));
                if (!deps.contains(id) && !r.downRevisions().contains(id)) deps.add(id);
                dependents.computeIfAbsent(id, k -> new ArrayList<>()).add(r.id());
            }
            if (!deps.isEmpty()) resolvedDeps.put(r.id(), List.copyOf(deps));
        }
        Comparator<String> byIndex = Comparator.comparingInt(index::get);
        children.values().forEach(l -> l.sort(byIndex));
        dependents.values().forEach(l -> l.sort(byIndex));
        this.bases = byId.values().stream().filter(Revision::isRoot).map(Revision::id).toList();
        this.heads = byId.keySet().stream().filter(id -> children(id).isEmpty()).toList();
        this.realHeads = heads.stream().filter(id -> dependents(id).isEmpty()).toList();
        this.topological = List.copyOf(order(byId.keySet()));
        propagateLabels();
    }

    /** Builds and checks a graph: ids unique and well formed, every reference present, labels unique, no cycle. */
    public static RevisionGraph of(Collection<Revision> revisions) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        for (Revision r : revisions)
            if (byId.putIfAbsent(r.id(), r) != null)
                throw new GraphException("Revision " + r.id() + " is present more than once; give one of them a new id", List.of(r.id()));
        return new RevisionGraph(byId);
    }

    private static void checkId(Revision r) {
        if (r.id().isBlank()) throw new GraphException("A revision id must not be empty", List.of(r.id()));
        for (char c : r.id().toCharArray())
            if (ILLEGAL_ID_CHARS.indexOf(c) >= 0)
                throw new GraphException("Character '" + c + "' is not allowed in revision identifier '" + r.id()
                        + "' (it is part of the target syntax: label@rev, rev+1, rev-1, FROM:TO)", List.of(r.id()));
        if (r.downRevisions().contains(r.id()))
            throw new GraphException("Self-loop is detected in revision " + r.id() + ": it revises itself", List.of(r.id()));
        if (r.dependsOn().contains(r.id()))
            throw new GraphException("Dependency self-loop is detected in revision " + r.id() + ": it depends on itself", List.of(r.id()));
    }

    // ---- reading ----------------------------------------------------------------------------------

    public int size() { return byId.size(); }
    public boolean contains(String id) { return byId.containsKey(id); }
    /** Every revision, in the order given to {@link #of} (the file order). */
    public Collection<Revision> revisions() { return Collections.unmodifiableCollection(byId.values()); }

    public Revision get(String id) {
        Revision r = byId.get(id);
        if (r == null) throw new GraphException("No such revision '" + id + "'");
        return r;
    }

    /** Revisions that revise this one (versioned children), in file order. */
    public List<String> children(String id) { return children.getOrDefault(id, List.of()); }

    /** Revisions that declare a dependency on this one. */
    public List<String> dependents(String id) { return dependents.getOrDefault(id, List.of()); }

    /** This revision's dependencies as revision ids (branch labels resolved), without its own down revisions. */
    public List<String> dependencies(String id) { return resolvedDeps.getOrDefault(id, List.of()); }

    /** Versioned heads: revisions nothing revises (a revision others only depend on is still a head). File order. */
    public List<String> heads() { return heads; }

    /** Heads nothing revises nor depends on; {@code heads} as a target means these. */
    public List<String> realHeads() { return realHeads; }

    /** A head that other revisions depend on: Alembic's "(effective head)". */
    public boolean isEffectiveHead(String id) { return children(id).isEmpty() && !dependents(id).isEmpty(); }

    public boolean isHead(String id) { return children(id).isEmpty(); }
    public boolean isRealHead(String id) { return children(id).isEmpty() && dependents(id).isEmpty(); }

    /** Revisions that revise nothing. */
    public List<String> bases() { return bases; }

    public boolean isBranchPoint(String id) { return children(id).size() > 1; }

    /** Every revision, parents and dependencies before the revisions that need them, branches kept together. */
    public List<String> topologicalOrder() { return topological; }

    /** The revision that declares a branch label, if any. */
    public Optional<String> labelled(String label) { return Optional.ofNullable(labels.get(label)); }

    /** The branch labels a revision carries: its own, those of the labelled revisions below it, and Alembic's downward spread. */
    public Set<String> branchLabels(String id) { return effectiveLabels.getOrDefault(id, Set.of()); }

    /**
     * A revision by full id, branch label, or unique prefix of 4+ characters.
     * Unknown or ambiguous input is an error that lists the candidates.
     */
    public Revision resolve(String idOrPrefix) {
        Revision exact = byId.get(idOrPrefix);
        if (exact != null) return exact;
        String labelled = labels.get(idOrPrefix);
        if (labelled != null) return byId.get(labelled);
        List<String> matches = idOrPrefix.length() < 4 ? List.of() : prefixMatches(idOrPrefix);
        if (matches.isEmpty())
            throw new GraphException("No such revision or branch '" + idOrPrefix + "'"
                    + (idOrPrefix.length() < 4 ? "; a partial revision id needs at least four characters" : "")
                    + nearby(idOrPrefix) + "; run 'retort history' to list the revisions");
        if (matches.size() > 1)
            throw new GraphException("Multiple revisions start with '" + idOrPrefix + "': " + String.join(", ", matches)
                    + "; type more characters of the one you mean");
        return byId.get(matches.get(0));
    }

    private List<String> prefixMatches(String prefix) {
        List<String> out = new ArrayList<>();
        for (String id : byId.keySet()) if (id.startsWith(prefix)) out.add(id);
        Collections.sort(out);
        return out;
    }

    /** Candidates for a mistyped short id: revisions and labels starting with its first characters. */
    private String nearby(String text) {
        if (text.isEmpty()) return "";
        List<String> near = new ArrayList<>();
        for (String id : byId.keySet()) if (id.startsWith(text)) near.add(id);
        for (String label : labels.keySet()) if (label.startsWith(text)) near.add(label);
        if (near.isEmpty()) return "";
        Collections.sort(near);
        return " (candidates: " + String.join(", ", near.subList(0, Math.min(5, near.size()))) + (near.size() > 5 ? ", …" : "") + ")";
    }

    // ---- ancestry ---------------------------------------------------------------------------------

    /** The given revisions and everything below them: down revisions and, when asked, dependencies, transitively. */
    public Set<String> ancestorsOrSelf(Collection<String> ids, boolean withDependencies) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            todo.addAll(get(id).downRevisions());
            if (withDependencies) todo.addAll(dependencies(id));
        }
        return seen;
    }

    /** The given revisions and everything built on them (children and dependents), transitively. */
    public Set<String> descendantsOrSelf(Collection<String> ids) { return descendantsOrSelf(ids, true); }

    public Set<String> descendantsOrSelf(Collection<String> ids, boolean withDependents) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            todo.addAll(children(id));
            if (withDependents) todo.addAll(dependents(id));
        }
        return seen;
    }

    /**
     * Whether two revisions lie on one line of descent (one is an ancestor-or-self of the other), Alembic's
     * "shares lineage"; with dependencies, dependency edges count as descent too.
     */
    public boolean sharesLineage(String a, String b, boolean withDependencies) {
        return ancestorsOrSelf(List.of(a), withDependencies).contains(b) || ancestorsOrSelf(List.of(b), withDependencies).contains(a);
    }

    /** Orders a set of revisions as they must be applied: everything a revision needs comes first. */
    public List<String> inUpgradeOrder(Collection<String> ids) { return order(ids); }

    /** Orders a set of revisions as they must be removed: the reverse of the upgrade order. */
    public List<String> inDowngradeOrder(Collection<String> ids) {
        List<String> out = new ArrayList<>(order(ids));
        Collections.reverse(out);
        return out;
    }

    // ---- version-table heads ----------------------------------------------------------------------

    /** The applied set that a list of version-table rows stands for: the rows and all they need. */
    public Set<String> appliedFrom(Collection<String> rows) { return ancestorsOrSelf(rows, true); }

    /**
     * The version-table rows of an applied set: applied revisions that no applied revision revises. A revision that
     * applied revisions only depend on keeps its own row (dependencies do not merge branches). File order.
     */
    public List<String> headsOf(Set<String> applied) {
        List<String> out = new ArrayList<>();
        for (String id : applied) {
            boolean covered = false;
            for (String c : children(id)) if (applied.contains(c)) { covered = true; break; }
            if (!covered) out.add(id);
        }
        out.sort(Comparator.comparingInt(index::get));
        return out;
    }

    // ---- internals --------------------------------------------------------------------------------

    /**
     * A topological order of a subset, found by depth-first search: from the subset's tops in reverse file order, a
     * revision is emitted after its dependencies and down revisions (visited last-declared first). This keeps each
     * branch together, as Alembic does, and is linear in the subset's size and edges. Edges leaving the subset are
     * ignored; a cycle inside it is an error naming exactly the revisions on the cycle.
     */
    private List<String> order(Collection<String> ids) {
        Set<String> subset = ids instanceof Set<String> s ? s : new HashSet<>(ids);
        List<String> starts = new ArrayList<>(subset);
        starts.sort(Comparator.comparingInt((String id) -> index.get(id)).reversed());
        Map<String, Integer> state = new HashMap<>(subset.size() * 2); // 1 = on the stack, 2 = emitted
        List<String> out = new ArrayList<>(subset.size());
        Deque<String> stack = new ArrayDeque<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        for (String start : starts) {
            if (state.containsKey(start)) continue;
            stack.push(start);
            pending.push(needsLastFirst(start));
            state.put(start, 1);
            while (!stack.isEmpty()) {
                Iterator<String> it = pending.peek();
                String next = null;
                while (it.hasNext()) {
                    String n = it.next();
                    if (!subset.contains(n)) continue;
                    Integer s = state.get(n);
                    if (s == null) { next = n; break; }
                    if (s == 1) throw cycle(stack, n);
                }
                if (next == null) {
                    String done = stack.pop();
                    pending.pop();
                    state.put(done, 2);
                    out.add(done);
                } else {
                    stack.push(next);
                    pending.push(needsLastFirst(next));
                    state.put(next, 1);
                }
            }
        }
        return out;
    }

    private Iterator<String> needsLastFirst(String id) {
        List<String> down = get(id).downRevisions();
        List<String> deps = dependencies(id);
        List<String> needs = new ArrayList<>(down.size() + deps.size());
        for (int i = deps.size() - 1; i >= 0; i--) needs.add(deps.get(i));
        for (int i = down.size() - 1; i >= 0; i--) needs.add(down.get(i));
        return needs.iterator();
    }

    /** The stack holds the search path, newest first; the cycle is the part from {@code closing} up to the top. */
    private GraphException cycle(Deque<String> stack, String closing) {
        List<String> path = new ArrayList<>();
        for (String id : stack) { path.add(id); if (id.equals(closing)) break; }
        Collections.reverse(path); // closing ... top: each needs the next, and the top needs closing
        int first = path.indexOf(Collections.min(path));
        Collections.rotate(path, -first); // start at the smallest id, so the message does not depend on search order
        StringBuilder how = new StringBuilder();
        boolean viaDependency = false;
        for (int i = 0; i < path.size(); i++) {
            String from = path.get(i);
            String to = path.get((i + 1) % path.size());
            boolean revises = get(from).downRevisions().contains(to);
            viaDependency |= !revises;
            if (how.length() > 0) how.append(", ");
            how.append(from).append(revises ? " revises " : " depends on ").append(to);
        }
        List<String> members = new ArrayList<>(path);
        Collections.sort(members);
        return new GraphException((viaDependency ? "Dependency cycle" : "Cycle") + " is detected in revisions ("
                + String.join(", ", members) + "): " + how + "; fix the 'revises' or 'dependsOn' header of one of them", members);
    }

    /**
     * Alembic's branch-label spread: a label applies to the revision declaring it, to everything built on it
     * (children only, not dependents), and down its own line until a branch point or merge point.
     */
    private void propagateLabels() {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String label = e.getKey();
            for (String id : descendantsOrSelf(List.of(e.getValue()), false))
                effectiveLabels.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(label);
            String id = e.getValue();
            while (true) {
                Revision r = get(id);
                if (r.downRevisions().size() != 1) break;
                String parent = r.downRevisions().get(0);
                if (children(parent).size() + dependents(parent).size() > 1 || get(parent).isMerge()) break;
                effectiveLabels.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(label);
                id = parent;
            }
        }
        // Declared labels first, then inherited ones, each in a stable order.
        for (Map.Entry<String, Set<String>> e : effectiveLabels.entrySet()) {
            List<String> own = get(e.getKey()).branchLabels();
            List<String> inherited = e.getValue().stream().filter(l -> !own.contains(l)).sorted().toList();
            Set<String> ordered = new LinkedHashSet<>(own);
            ordered.addAll(inherited);
            e.setValue(Collections.unmodifiableSet(ordered));
        }
    }
}
