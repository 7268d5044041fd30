package dev.retort.graph;

import java.util.*;
import java.util.stream.Collectors;

/**
 * The revisions of a project as a directed acyclic graph: edges run from a revision to the ones it revises
 * (down revisions) and to the ones it depends on. Pure data: no files, no database. Built once, then read.
 */
public final class RevisionGraph {
    private final Map<String, Revision> byId;
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<String> topological;
    private final Map<String, Integer> position = new HashMap<>();

    private RevisionGraph(Map<String, Revision> byId) {
        this.byId = byId;
        for (Revision r : byId.values()) {
            for (String p : r.downRevisions()) {
                if (!byId.containsKey(p))
                    throw new GraphException("revision " + r.id() + " revises '" + p + "', which does not exist; "
                            + "fix its 'revises' header or restore the missing revision");
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(r.id());
            }
            for (String d : r.dependsOn())
                if (!byId.containsKey(d))
                    throw new GraphException("revision " + r.id() + " depends on '" + d + "', which does not exist");
            for (String label : r.branchLabels()) {
                String previous = labels.putIfAbsent(label, r.id());
                if (previous != null)
                    throw new GraphException("branch label '" + label + "' is used by both " + previous + " and " + r.id());
                if (byId.containsKey(label))
                    throw new GraphException("branch label '" + label + "' of " + r.id() + " is also a revision id");
            }
        }
        children.values().forEach(Collections::sort);
        this.topological = sortTopologically();
        for (int i = 0; i < topological.size(); i++) position.put(topological.get(i), i);
    }

    /** Builds and checks a graph: ids unique, every reference present, no cycle. */
    public static RevisionGraph of(Collection<Revision> revisions) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        for (Revision r : revisions)
            if (byId.putIfAbsent(r.id(), r) != null)
                throw new GraphException("revision id " + r.id() + " is declared twice");
        return new RevisionGraph(byId);
    }

    // ---- reading ----------------------------------------------------------------------------------

    public int size() { return byId.size(); }
    public boolean contains(String id) { return byId.containsKey(id); }
    public Collection<Revision> revisions() { return Collections.unmodifiableCollection(byId.values()); }

    public Revision get(String id) {
        Revision r = byId.get(id);
        if (r == null) throw new GraphException("no revision '" + id + "'");
        return r;
    }

    public List<String> children(String id) { return children.getOrDefault(id, List.of()); }

    /** Revisions nothing revises, in topological order. */
    public List<String> heads() {
        return topological.stream().filter(id -> children(id).isEmpty()).toList();
    }

    public List<String> bases() { return topological.stream().filter(id -> byId.get(id).isRoot()).toList(); }

    public boolean isBranchPoint(String id) { return children(id).size() > 1; }

    /** Every revision, parents and dependencies before the revisions that need them; ties by id for a stable order. */
    public List<String> topologicalOrder() { return topological; }

    /** The revision owning a branch label, if any. */
    public Optional<String> labelled(String label) { return Optional.ofNullable(labels.get(label)); }

    /**
     * A revision by full id, branch label, or unique prefix of 4+ characters.
     * Unknown or ambiguous input is an error that lists the candidates.
     */
    public Revision resolve(String idOrPrefix) {
        Revision exact = byId.get(idOrPrefix);
        if (exact != null) return exact;
        String labelled = labels.get(idOrPrefix);
        if (labelled != null) return byId.get(labelled);
        if (idOrPrefix.length() < 4)
            throw new GraphException("no revision '" + idOrPrefix + "'; a prefix needs at least 4 characters");
        List<String> matches = byId.keySet().stream().filter(id -> id.startsWith(idOrPrefix)).sorted().toList();
        if (matches.isEmpty()) throw new GraphException("no revision '" + idOrPrefix + "'; run 'retort history' to list them");
        if (matches.size() > 1)
            throw new GraphException("revision prefix '" + idOrPrefix + "' is ambiguous: it matches " + String.join(", ", matches));
        return byId.get(matches.get(0));
    }

    // ---- ancestry ---------------------------------------------------------------------------------

    /** The given revisions and everything they need: down revisions and dependencies, transitively. */
    public Set<String> ancestorsOrSelf(Collection<String> ids, boolean withDependencies) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            Revision r = get(id);
            todo.addAll(r.downRevisions());
            if (withDependencies) todo.addAll(r.dependsOn());
        }
        return seen;
    }

    /** The given revisions and everything built on them (children and dependents), transitively. */
    public Set<String> descendantsOrSelf(Collection<String> ids) {
        Map<String, List<String>> dependents = dependents();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            todo.addAll(children(id));
            todo.addAll(dependents.getOrDefault(id, List.of()));
        }
        return seen;
    }

    private Map<String, List<String>> dependents() {
        Map<String, List<String>> out = new HashMap<>();
        for (Revision r : byId.values()) for (String d : r.dependsOn()) out.computeIfAbsent(d, k -> new ArrayList<>()).add(r.id());
        return out;
    }

    /** Orders a set of revisions as they must be applied. */
    public List<String> inUpgradeOrder(Collection<String> ids) {
        return ids.stream().sorted(Comparator.comparingInt(position::get)).toList();
    }

    /** Orders a set of revisions as they must be removed: newest first. */
    public List<String> inDowngradeOrder(Collection<String> ids) {
        return ids.stream().sorted(Comparator.comparingInt((String id) -> position.get(id)).reversed()).toList();
    }

    // ---- version-table heads ----------------------------------------------------------------------

    /** The applied set that a list of version-table heads stands for. */
    public Set<String> appliedFrom(Collection<String> heads) { return ancestorsOrSelf(heads, true); }

    /** The version-table heads of an applied set: applied revisions with no applied child. */
    public List<String> headsOf(Set<String> applied) {
        return topological.stream().filter(applied::contains)
                .filter(id -> children(id).stream().noneMatch(applied::contains)).toList();
    }

    // ---- internals --------------------------------------------------------------------------------

    private List<String> sortTopologically() {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> after = new HashMap<>();
        for (Revision r : byId.values()) {
            Set<String> needs = new LinkedHashSet<>(r.downRevisions());
            needs.addAll(r.dependsOn());
            pending.put(r.id(), needs.size());
            for (String n : needs) after.computeIfAbsent(n, k -> new ArrayList<>()).add(r.id());
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((id, n) -> { if (n == 0) ready.add(id); });
        List<String> order = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : after.getOrDefault(id, List.of()))
                if (pending.merge(next, -1, Integer::sum) == 0) ready.add(next);
        }
        if (order.size() < byId.size()) {
            Set<String> stuck = new TreeSet<>(byId.keySet());
            order.forEach(stuck::remove);
            throw new GraphException("the revisions " + stuck.stream().collect(Collectors.joining(", "))
                    + " form a cycle (or build on one); fix their 'revises'/'dependsOn' headers");
        }
        return List.copyOf(order);
    }
}
