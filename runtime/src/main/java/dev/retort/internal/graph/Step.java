package dev.retort.internal.graph;

import java.util.List;

/**
 * One revision run up or down, with the version-table heads before and after it. The version table
 * changes by exactly the difference between the two lists.
 */
public record Step(Revision revision, Direction direction, List<String> headsBefore, List<String> headsAfter) {
    public Step { headsBefore = List.copyOf(headsBefore); headsAfter = List.copyOf(headsAfter); }

    /** Alembic's step line: {@code 1975ea83b712 -> 3f2a1c9d0b7e} going up, {@code 3f2a1c9d0b7e -> 1975ea83b712} going down. */
    public String arrow() {
        String parents = String.join(", ", revision.downRevisions());
        return direction == Direction.UPGRADE ? parents + " -> " + revision.id() : revision.id() + " -> " + parents;
    }

    public List<String> removedHeads() { return headsBefore.stream().filter(h -> !headsAfter.contains(h)).toList(); }
    public List<String> addedHeads() { return headsAfter.stream().filter(h -> !headsBefore.contains(h)).toList(); }
}
