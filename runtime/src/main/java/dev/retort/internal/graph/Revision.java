package dev.retort.internal.graph;

import java.util.List;
import java.util.Objects;

/**
 * One node of the revision graph, as its script's header declares it.
 *
 * @param downRevisions the revisions this one revises: none for a root, several for a merge
 * @param dependsOn     revisions that must be applied first without merging their branch into this one
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels, String message) {
    public Revision {
        Objects.requireNonNull(id, "id");
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        message = message == null ? "" : message;
    }

    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), List.of(), "");
    }

    public boolean isRoot() { return downRevisions.isEmpty(); }
    public boolean isMerge() { return downRevisions.size() > 1; }
}
