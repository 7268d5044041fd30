package dev.retort.internal.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The revision graph as a diagram: Graphviz DOT or a Mermaid flowchart (which Markdown pages on GitHub and GitLab
 * render). Edges run from a revision to those built on it; a {@code dependsOn} is dashed; heads have a bold border and
 * the database's current revisions a filled background. Pure: graph in, text out.
 */
public final class GraphDiagram {
    private GraphDiagram() {}

    static final String HEAD_COLOR = "#1f6feb";
    static final String CURRENT_FILL = "#d3f5d3";

    /** @param current the database's current revisions; empty when there is no database to ask */
    public static String dot(RevisionGraph graph, Collection<String> current) {
        StringBuilder sb = new StringBuilder("digraph revisions {\n");
        sb.append("    // base at the top; heads: bold border; the database's current revisions: filled; dependsOn: dashed\n");
        sb.append("    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        for (String id : graph.topologicalOrder()) {
            boolean head = graph.isHead(id);
            boolean now = current.contains(id);
            sb.append("    ").append(dotString(id)).append(" [label=").append(dotString(label(graph.get(id), "\n")));
            if (head || now) sb.append(", style=\"").append(head && now ? "rounded,bold,filled" : head ? "rounded,bold" : "rounded,filled").append('"');
            if (head) sb.append(", color=\"").append(HEAD_COLOR).append("\", penwidth=2");
            if (now) sb.append(", fillcolor=\"").append(CURRENT_FILL).append('"');
            sb.append("];\n");
        }
        for (String id : graph.topologicalOrder()) {
            for (String parent : graph.get(id).downRevisions())
                sb.append("    ").append(dotString(parent)).append(" -> ").append(dotString(id)).append(";\n");
            for (String dependency : graph.dependencies(id))
                sb.append("    ").append(dotString(dependency)).append(" -> ").append(dotString(id)).append(" [style=dashed];\n");
        }
        return sb.append("}\n").toString();
    }

    /** @param current the database's current revisions; empty when there is no database to ask */
    public static String mermaid(RevisionGraph graph, Collection<String> current) {
        Map<String, String> names = mermaidNames(graph);
        StringBuilder sb = new StringBuilder("flowchart TD\n");
        for (String id : graph.topologicalOrder())
            sb.append("    ").append(names.get(id)).append("[\"").append(mermaidText(label(graph.get(id), "<br/>"))).append("\"]\n");
        for (String id : graph.topologicalOrder()) {
            for (String parent : graph.get(id).downRevisions())
                sb.append("    ").append(names.get(parent)).append(" --> ").append(names.get(id)).append('\n');
            for (String dependency : graph.dependencies(id))
                sb.append("    ").append(names.get(dependency)).append(" -.-> ").append(names.get(id)).append('\n');
        }
        sb.append("    classDef head stroke:").append(HEAD_COLOR).append(",stroke-width:3px\n");
        sb.append("    classDef current fill:").append(CURRENT_FILL).append('\n');
        List<String> heads = graph.topologicalOrder().stream().filter(graph::isHead).map(names::get).toList();
        List<String> now = graph.topologicalOrder().stream().filter(current::contains).map(names::get).toList();
        if (!heads.isEmpty()) sb.append("    class ").append(String.join(",", heads)).append(" head\n");
        if (!now.isEmpty()) sb.append("    class ").append(String.join(",", now)).append(" current\n");
        return sb.toString();
    }

    /** {@code id (label, …)}, then the message on a line of its own. */
    private static String label(Revision r, String lineBreak) {
        String labels = r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", r.branchLabels()) + ")";
        return r.id() + labels + (r.message().isEmpty() ? "" : lineBreak + r.message());
    }

    private static String dotString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Mermaid reads quotes, angle brackets and {@code #} in a label as syntax; its entity codes keep them text. */
    private static String mermaidText(String text) {
        String lineBreak = "<br/>";
        StringBuilder sb = new StringBuilder();
        for (String part : text.split(java.util.regex.Pattern.quote(lineBreak), -1)) {
            if (sb.length() > 0) sb.append(lineBreak);
            sb.append(part.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;"));
        }
        return sb.toString();
    }

    /** Node names Mermaid accepts (a bare {@code end} would not): {@code r_} and the id, made unique if need be. */
    private static Map<String, String> mermaidNames(RevisionGraph graph) {
        Map<String, String> names = new HashMap<>();
        Set<String> used = new java.util.HashSet<>();
        for (String id : graph.topologicalOrder()) {
            String base = "r_" + id.replaceAll("[^A-Za-z0-9_]", "_");
            String name = base;
            for (int n = 2; !used.add(name); n++) name = base + "_" + n;
            names.put(id, name);
        }
        return names;
    }
}
