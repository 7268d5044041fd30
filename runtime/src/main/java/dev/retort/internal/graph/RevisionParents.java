package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new revision revises and depends on, resolved from what the user typed ({@code revision --head},
 * {@code --depends-on}, {@code --branch-label}, {@code merge REV…}) with Alembic's checks. Pure.
 *
 * @param parents   the revisions it revises: none for a root, several for a merge
 * @param dependsOn its dependencies: revision ids, or branch labels kept as typed (they follow the branch)
 */
public record RevisionParents(List<String> parents, List<String> dependsOn) {

    /**
     * @param heads  empty or {@code head}: the single head; {@code base}: a new root; {@code heads}: every head;
     *               else ids, prefixes, labels, {@code LABEL@head}
     * @param splice allow a parent that is not a head (a new branch from the middle of the graph)
     */
    public static RevisionParents resolve(RevisionGraph graph, List<String> heads, boolean splice, List<String> dependsOn,
                                          List<String> branchLabels) {
        Targets targets = new Targets(graph);
        List<String> parents = new ArrayList<>();
        for (String h : heads.isEmpty() ? List.of("head") : heads) {
            List<String> found;
            if (h.equals("heads")) found = graph.heads();
            else if (h.equals("head") && graph.heads().size() > 1)
                throw new GraphException("Multiple heads are present (" + String.join(", ", graph.heads()) + "); name the head "
                        + "the new revision builds on with --head REV or --head LABEL@head, or merge them first with "
                        + "'retort merge -m MESSAGE heads'", graph.heads());
            else found = targets.revisions(h);
            for (String f : found) {
                if (parents.contains(f)) throw new GraphException("Duplicate head revisions specified: " + f + " is named twice");
                parents.add(f);
            }
        }
        if (!splice)
            for (String p : parents)
                if (!graph.isHead(p))
                    throw new GraphException("Revision " + p + " is not a head revision (" + String.join(", ", graph.children(p))
                            + " revise" + (graph.children(p).size() == 1 ? "s" : "") + " it); please specify --splice to create a "
                            + "new branch from this revision", List.of(p));
        for (String a : parents)
            for (String b : parents)
                if (!a.equals(b) && graph.ancestorsOrSelf(List.of(b), false).contains(a))
                    throw new GraphException("Revision " + a + " is already below " + b + "; a merge names revisions on "
                            + "different branches", List.of(a, b));
        List<String> deps = new ArrayList<>();
        for (String d : dependsOn) {
            String resolved = graph.labelled(d).isPresent() ? d : targets.single(d);
            if (resolved == null) throw new GraphException("--depends-on " + d + " names no revision; give a revision or a branch label");
            if (!deps.contains(resolved)) deps.add(resolved);
        }
        for (String label : branchLabels) {
            if (label.isBlank() || label.contains("@") || label.contains(":"))
                throw new GraphException("Branch label '" + label + "' must be non-empty and must not contain '@' or ':' "
                        + "(they are part of the target syntax)");
            if (graph.labelled(label).isPresent())
                throw new GraphException("Branch label '" + label + "' is already used by revision " + graph.labelled(label).get()
                        + "; choose another label");
            if (graph.contains(label)) throw new GraphException("Branch label '" + label + "' is also a revision id; choose another label");
        }
        return new RevisionParents(List.copyOf(parents), List.copyOf(deps));
    }
}
