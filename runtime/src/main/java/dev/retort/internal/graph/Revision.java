package dev.retort.internal.graph;

import java.util.List;
import java.util.Objects;

/**
 * One node of the revision graph, as its script's header declares it.
 *
 * @param downRevisions the revisions this one revises: none for a root, several for a merge
 * @param dependsOn     revisions that must be applied first without merging their branch into this one
 * @param replaces      for a squash, the linear run of revisions it stands for, oldest first (see {@link Squashes})
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels, String message,
                       List<String> replaces) {
    public Revision {
        Objects.requireNonNull(id, "id");
        downRevisions = List.copyOf(downRevisions);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = List.copyOf(branchLabels);
        message = message == null ? "" : message;
        replaces = List.copyOf(replaces);
    }

    /** A revision that replaces nothing (every revision but a squash). */
    public Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels, String message) {
        this(id, downRevisions, dependsOn, branchLabels, message, List.of());
    }

    public static Revision of(String id, String... downRevisions) {
        return new Revision(id, List.of(downRevisions), List.of(), List.of(), "");
    }

    public boolean isRoot() { return downRevisions.isEmpty(); }
    public boolean isMerge() { return downRevisions.size() > 1; }
    public boolean isSquash() { return !replaces.isEmpty(); }

    /** The same revision with other parents and dependencies (a squash's neighbours are re-pointed, see {@link Squashes}). */
    Revision withEdges(List<String> down, List<String> deps) {
        return new Revision(id, down, deps, branchLabels, message, replaces);
    }
}
