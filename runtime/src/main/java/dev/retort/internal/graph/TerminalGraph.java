package dev.retort.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws revisions newest first as {@code git log --graph} draws commits: one lane per line of descent, {@code *} for a
 * revision, {@code |} for a lane passing by, {@code \} where a merge opens lanes for its parents and {@code /} where
 * lanes join at a branch point. Pure: nodes in, lines out.
 */
public final class TerminalGraph {
    private TerminalGraph() {}

    /**
     * One revision to draw.
     *
     * @param parents the revisions it revises; those not drawn (outside a range) are left out
     * @param text    what follows its node on the line
     */
    public record Node(String id, List<String> parents, String text) {
        public Node { parents = List.copyOf(parents); }
    }

    /** The graph's revisions newest first, each line's text made by {@code text}. */
    public static List<Node> nodes(RevisionGraph graph, java.util.function.Function<String, String> text) {
        List<String> order = new ArrayList<>(graph.topologicalOrder());
        java.util.Collections.reverse(order);
        return order.stream().map(id -> new Node(id, graph.get(id).downRevisions(), text.apply(id))).toList();
    }

    /** @param newestFirst every node before the nodes it revises */
    public static List<String> draw(List<Node> newestFirst) {
        Set<String> drawn = new HashSet<>();
        for (Node n : newestFirst) drawn.add(n.id());
        List<String> out = new ArrayList<>();
        List<String> lanes = new ArrayList<>(); // the revision each lane leads down to next
        int endedLane = -1;                     // the lane of the previous node when it was a root
        for (Node node : newestFirst) {
            int col = lanes.indexOf(node.id());
            if (col < 0) {
                // A head: a lane of its own on the right. Straight under a root that just ended, a blank line
                // keeps the two unconnected lines from reading as one.
                if (endedLane == lanes.size()) out.add(lanesOnly(lanes.size()));
                lanes.add(node.id());
                col = lanes.size() - 1;
            }
            out.add((nodeRow(lanes.size(), col) + " " + node.text()).stripTrailing());
            List<String> parents = node.parents().stream().filter(drawn::contains).toList();
            // The lanes after this node: its own lane becomes its parents' (a merge opens one per parent); a revision
            // that two lanes now lead to keeps the leftmost of them, so branch lanes join where they meet.
            List<List<String>> targets = new ArrayList<>();
            List<String> next = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++) {
                List<String> leadsTo = i == col ? parents : List.of(lanes.get(i));
                targets.add(leadsTo);
                next.addAll(leadsTo);
            }
            List<String> joined = new ArrayList<>(new LinkedHashSet<>(next));
            List<int[]> edges = new ArrayList<>();
            for (int i = 0; i < lanes.size(); i++)
                for (String id : targets.get(i)) edges.add(new int[] {i, joined.indexOf(id)});
            out.addAll(transition(edges, Math.max(lanes.size(), joined.size())));
            endedLane = parents.isEmpty() ? col : -1;
            lanes = joined;
        }
        return out;
    }

    /** {@code | * |}: the node in its lane, the other lanes passing by. */
    private static String nodeRow(int lanes, int col) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lanes; i++) sb.append(i == 0 ? "" : " ").append(i == col ? '*' : '|');
        return sb.toString();
    }

    private static String lanesOnly(int lanes) { return nodeRow(lanes, -1).stripTrailing(); }

    /**
     * The lines that carry each edge from its lane above to its lane below, one lane sideways per line: {@code |} where
     * it stays, {@code \} moving right, {@code /} moving left. No line when every edge goes straight down.
     */
    private static List<String> transition(List<int[]> edges, int width) {
        List<String> lines = new ArrayList<>();
        int[] at = edges.stream().mapToInt(e -> e[0]).toArray();
        while (true) {
            boolean moving = false;
            for (int i = 0; i < at.length; i++) moving |= at[i] != edges.get(i)[1];
            if (!moving) return lines;
            char[] line = new char[2 * width];
            Arrays.fill(line, ' ');
            for (int i = 0; i < at.length; i++) {
                int to = edges.get(i)[1];
                if (at[i] == to) {
                    if (line[2 * at[i]] == ' ') line[2 * at[i]] = '|';
                } else if (to < at[i]) {
                    line[2 * at[i] - 1] = '/';
                    at[i]--;
                } else {
                    line[2 * at[i] + 1] = '\\';
                    at[i]++;
                }
            }
            lines.add(new String(line).stripTrailing());
        }
    }
}
