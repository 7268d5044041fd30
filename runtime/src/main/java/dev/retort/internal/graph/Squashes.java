package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's rules for squash revisions (a revision whose header says {@code replaces 'a', 'b', …}), applied to the revisions
 * of the files before a graph is built. Which side of a squash a database sees depends on where it is: at base, below the
 * run, or past all of it, the squash stands in for the run (the replaced revisions leave the graph, what named them names
 * the squash, and a version row naming the run's last revision reads as the squash); at a revision inside the run, the
 * originals stay and the squash leaves the graph (what named it names the run's last revision), so the database goes on
 * with the originals and, once past the run, sees the squash. Pure: revisions and rows in, a graph out.
 */
public final class Squashes {
    private Squashes() {}

    /**
     * What a database at some version rows sees.
     *
     * @param graph    the revisions with each squash resolved one way or the other
     * @param rows     the version rows in this graph's terms: a replaced revision the squash stands in for reads as the squash
     * @param inUse    squashes that stand in for their run
     * @param setAside squashes left out because the database is inside their run
     */
    public record View(RevisionGraph graph, List<String> rows, List<String> inUse, List<String> setAside, Map<String, String> renamed) {
        public View {
            rows = List.copyOf(rows);
            inUse = List.copyOf(inUse);
            setAside = List.copyOf(setAside);
            renamed = Map.copyOf(renamed);
        }

        /** Rows as stored, in this graph's terms: a replaced revision reads as its squash, a set-aside squash as its run's end. */
        public List<String> translate(Collection<String> stored) {
            return List.copyOf(new LinkedHashSet<>(stored.stream().map(r -> renamed.getOrDefault(r, r)).toList()));
        }

        /** Whether the rows must be rewritten in the version table to match this view (a run just completed, Django's "record the squash"). */
        public boolean rowsChanged(List<String> stored) { return !new HashSet<>(stored).equals(new HashSet<>(rows)); }
    }

    /** The view of a fresh database: every squash stands in for its run. */
    public static View fresh(Collection<Revision> files) { return of(files, List.of()); }

    /** The view with every squash set aside: the revisions as they were before any squash (for stamping inside a run). */
    public static View originals(Collection<Revision> files, Collection<String> storedRows) {
        files = withoutPruned(files);
        Map<String, Revision> byId = new HashMap<>();
        for (Revision r : files) byId.putIfAbsent(r.id(), r);
        Map<String, Revision> squashes = activeSquashes(files, byId);
        Map<String, String> toLast = new HashMap<>();
        squashes.values().forEach(s -> toLast.put(s.id(), last(s)));
        RevisionGraph originals = RevisionGraph.of(rewrite(files, squashes::containsKey, toLast));
        View view = new View(originals, List.of(), List.of(), List.copyOf(squashes.keySet()), toLast);
        return new View(originals, view.translate(storedRows), List.of(), view.setAside(), toLast);
    }

    public static View of(Collection<Revision> files, Collection<String> storedRows) {
        Map<String, String> prunedEnds = prunedEnds(files);
        storedRows = storedRows.stream().map(r -> prunedEnds.getOrDefault(r, r)).toList();
        files = withoutPruned(files);
        Map<String, Revision> byId = new HashMap<>();
        for (Revision r : files) byId.putIfAbsent(r.id(), r);
        Map<String, Revision> squashes = activeSquashes(files, byId);
        if (squashes.isEmpty())
            return new View(RevisionGraph.of(files), List.copyOf(new LinkedHashSet<>(storedRows)), List.of(), List.of(), prunedEnds);

        // Where the database is, judged on the originals: every squash set aside, and a row naming a squash read as its run's end.
        Map<String, String> toLast = new HashMap<>();
        squashes.values().forEach(s -> toLast.put(s.id(), last(s)));
        RevisionGraph originals = RevisionGraph.of(rewrite(files, squashes::containsKey, toLast));
        List<String> originalRows = storedRows.stream().map(r -> toLast.getOrDefault(r, r)).filter(originals::contains).toList();
        Set<String> applied = originals.appliedFrom(originalRows);

        Map<String, String> rename = new HashMap<>();
        Set<String> dropped = new HashSet<>();
        List<String> inUse = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        for (Revision s : squashes.values()) {
            long done = s.replaces().stream().filter(applied::contains).count();
            boolean stands = storedRows.contains(s.id()) || done == 0 || done == s.replaces().size();
            if (stands) {
                inUse.add(s.id());
                for (String r : s.replaces()) { rename.put(r, s.id()); dropped.add(r); }
            } else {
                setAside.add(s.id());
                rename.put(s.id(), last(s));
                dropped.add(s.id());
            }
        }
        RevisionGraph graph = RevisionGraph.of(rewrite(files, dropped::contains, rename));
        List<String> rows = List.copyOf(new LinkedHashSet<>(storedRows.stream().map(r -> rename.getOrDefault(r, r)).toList()));
        return new View(graph, rows, inUse, setAside, rename);
    }

    /**
     * The squashes whose replaced revisions are present. A squash whose replaced files are all gone (pruned) is an ordinary
     * revision; one with only some of them is an error, as is a revision replaced twice.
     */
    private static Map<String, Revision> activeSquashes(Collection<Revision> files, Map<String, Revision> byId) {
        Map<String, Revision> out = new java.util.LinkedHashMap<>();
        Map<String, String> claimed = new HashMap<>();
        for (Revision s : files) {
            if (!s.isSquash()) continue;
            List<String> present = s.replaces().stream().filter(byId::containsKey).toList();
            if (present.isEmpty()) continue;
            if (present.size() < s.replaces().size()) {
                List<String> missing = s.replaces().stream().filter(r -> !byId.containsKey(r)).toList();
                throw new GraphException("Squash " + s.id() + " replaces " + String.join(", ", s.replaces()) + ", but "
                        + String.join(", ", missing) + " " + (missing.size() == 1 ? "is" : "are") + " missing while "
                        + String.join(", ", present) + " " + (present.size() == 1 ? "is" : "are")
                        + " present; restore the missing files, or delete all the replaced ones with 'retort squash --prune'", List.of(s.id()));
            }
            for (String r : s.replaces()) {
                if (r.equals(s.id())) throw new GraphException("Squash " + s.id() + " replaces itself; fix its 'replaces' header", List.of(s.id()));
                String other = claimed.putIfAbsent(r, s.id());
                if (other != null)
                    throw new GraphException("Revision " + r + " is replaced by two squashes, " + other + " and " + s.id()
                            + "; a revision belongs to one squash, so remove it from one 'replaces' header", List.of(other, s.id()));
                if (byId.get(r).isSquash() && byId.get(r).replaces().stream().anyMatch(byId::containsKey))
                    throw new GraphException("Squash " + s.id() + " replaces " + r + ", itself a squash whose replaced revisions are "
                            + "still present; prune " + r + " first ('retort squash --prune')", List.of(s.id(), r));
            }
            out.put(s.id(), s);
        }
        return out;
    }

    /**
     * The files with every pruned squash (one whose replaced files are all gone) made ordinary: what still names one of
     * its replaced revisions (the revision written on the run's end) names the squash, so pruning touches no other file.
     */
    private static List<Revision> withoutPruned(Collection<Revision> files) {
        Map<String, String> rename = new HashMap<>();
        Set<String> present = new HashSet<>();
        files.forEach(r -> present.add(r.id()));
        for (Revision s : files)
            if (s.isSquash() && s.replaces().stream().noneMatch(present::contains)) s.replaces().forEach(r -> rename.put(r, s.id()));
        return rename.isEmpty() ? List.copyOf(files) : rewrite(files, id -> false, rename);
    }

    /** A row naming the end of a pruned squash's run names the squash (a database that got there before the prune). */
    private static Map<String, String> prunedEnds(Collection<Revision> files) {
        Set<String> present = new HashSet<>();
        files.forEach(r -> present.add(r.id()));
        Map<String, String> out = new HashMap<>();
        for (Revision s : files)
            if (s.isSquash() && s.replaces().stream().noneMatch(present::contains)) out.put(last(s), s.id());
        return out;
    }

    /** The revisions without the dropped ones, every parent and dependency renamed (and kept once). */
    private static List<Revision> rewrite(Collection<Revision> files, java.util.function.Predicate<String> drop, Map<String, String> rename) {
        List<Revision> out = new ArrayList<>(files.size());
        for (Revision r : files) {
            if (drop.test(r.id())) continue;
            out.add(r.withEdges(renamed(r.downRevisions(), rename, r.id()), renamed(r.dependsOn(), rename, r.id())));
        }
        return out;
    }

    private static List<String> renamed(List<String> ids, Map<String, String> rename, String self) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String to = rename.getOrDefault(id, id);
            if (!to.equals(self)) out.add(to);
        }
        return List.copyOf(out);
    }

    /** Whether a version row names the last revision of a pruned squash's run: a database there is at the squash. */
    public static boolean prunedEnd(Revision squash, String row) { return squash.isSquash() && last(squash).equals(row); }

    private static String last(Revision squash) { return squash.replaces().get(squash.replaces().size() - 1); }
}
