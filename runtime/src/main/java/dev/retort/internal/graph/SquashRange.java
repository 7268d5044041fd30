package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The revisions {@code squash FROM TO} replaces: a linear run, FROM and TO included, oldest first. Linear means each
 * revision of the run revises exactly the one before it, depends on nothing, and (TO aside) is revised by the next
 * one only and depended on by none, so one revision can stand in for the run without changing any other branch. Pure.
 *
 * @param parent       what FROM revises, which the squash revises too; null when FROM is a root
 * @param branchLabels the labels the run's revisions declare, which the squash carries
 */
public record SquashRange(List<String> revisions, String parent, List<String> branchLabels) {
    public SquashRange {
        revisions = List.copyOf(revisions);
        branchLabels = List.copyOf(branchLabels);
    }

    public String from() { return revisions.get(0); }
    public String to() { return revisions.get(revisions.size() - 1); }

    /** @param from, to ids, unique prefixes, labels or {@code head}, as elsewhere */
    public static SquashRange of(RevisionGraph graph, String from, String to) {
        Targets targets = new Targets(graph);
        String first = one(targets, from, "FROM");
        String last = one(targets, to, "TO");
        List<String> run = new ArrayList<>();
        String at = last;
        while (true) {
            Revision r = graph.get(at);
            if (!graph.dependencies(at).isEmpty())
                throw notLinear(at, "it depends on " + String.join(", ", graph.dependencies(at)));
            if (!at.equals(last)) {
                if (graph.children(at).size() > 1)
                    throw notLinear(at, "it is a branch point (" + String.join(", ", graph.children(at)) + " revise it)");
                if (!graph.dependents(at).isEmpty())
                    throw notLinear(at, String.join(", ", graph.dependents(at)) + " depend" + (graph.dependents(at).size() == 1 ? "s" : "")
                            + " on it");
            }
            run.add(at);
            if (at.equals(first)) break;
            if (r.isMerge()) throw notLinear(at, "it merges " + String.join(", ", r.downRevisions()));
            if (r.isRoot())
                throw new GraphException("Cannot squash " + first + ".." + last + ": " + first + " is not below " + last
                        + "; give FROM as the older revision of a linear run (retort history lists them)", List.of(first, last));
            at = r.downRevisions().get(0);
        }
        if (run.size() < 2)
            throw new GraphException("Cannot squash " + first + ".." + last + ": the run has one revision, so there is nothing to squash", List.of(first));
        Collections.reverse(run);
        Revision oldest = graph.get(first);
        if (oldest.isMerge()) throw notLinear(first, "it merges " + String.join(", ", oldest.downRevisions()));
        Set<String> labels = new LinkedHashSet<>();
        for (String id : run) labels.addAll(graph.get(id).branchLabels());
        return new SquashRange(run, oldest.isRoot() ? null : oldest.downRevisions().get(0), List.copyOf(labels));
    }

    private static String one(Targets targets, String symbol, String what) {
        List<String> found = targets.revisions(symbol);
        if (found.size() != 1)
            throw new GraphException(what + " '" + symbol + "' names " + (found.isEmpty() ? "no revision" : "several revisions ("
                    + String.join(", ", found) + ")") + "; squash takes one revision at each end of a linear run", found);
        return found.get(0);
    }

    private static GraphException notLinear(String id, String why) {
        return new GraphException("Cannot squash a run that is not linear: " + id + " is inside it and " + why
                + "; squash the linear part on either side of it instead", List.of(id));
    }
}
