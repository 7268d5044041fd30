package dev.retort.internal.graph

import spock.lang.Specification

/**
 * {@code graph --format dot|mermaid}: the revision graph as Graphviz and Mermaid text, on one graph with a branch, a
 * merge, a second root, a {@code dependsOn}, labels, and the database's current revisions.
 */
class GraphDiagramSpec extends Specification {

    /** r -> a1 (billing), r -> b1 ; m merges a1 and b1 ; n1 (net) -> n2, which depends on a1. */
    static final RevisionGraph GRAPH = RevisionGraph.of([
            new Revision('r', [], [], [], 'root'),
            new Revision('a1', ['r'], [], ['billing'], 'add invoices'),
            new Revision('b1', ['r'], [], [], 'add users'),
            new Revision('m', ['a1', 'b1'], [], [], 'merge "billing" <main>'),
            new Revision('n1', [], [], ['net'], 'network'),
            new Revision('n2', ['n1'], ['a1'], [], '')])

    def "dot: revisions as boxes, edges from a revision to those built on it, dependsOn dashed, heads bold, current filled"() {
        expect:
        GraphDiagram.dot(GRAPH, ['b1', 'n2']) == '''\
            digraph revisions {
                // base at the top; heads: bold border; the database's current revisions: filled; dependsOn: dashed
                node [shape=box, style=rounded, fontname="Helvetica"];
                "r" [label="r\\nroot"];
                "a1" [label="a1 (billing)\\nadd invoices"];
                "n1" [label="n1 (net)\\nnetwork"];
                "n2" [label="n2", style="rounded,bold,filled", color="#1f6feb", penwidth=2, fillcolor="#d3f5d3"];
                "b1" [label="b1\\nadd users", style="rounded,filled", fillcolor="#d3f5d3"];
                "m" [label="m\\nmerge \\"billing\\" <main>", style="rounded,bold", color="#1f6feb", penwidth=2];
                "r" -> "a1";
                "n1" -> "n2";
                "a1" -> "n2" [style=dashed];
                "r" -> "b1";
                "a1" -> "m";
                "b1" -> "m";
            }
            '''.stripIndent()
    }

    def "mermaid: the same graph as a flowchart, its labels escaped, heads and current revisions as classes"() {
        expect:
        GraphDiagram.mermaid(GRAPH, ['b1', 'n2']) == '''\
            flowchart TD
                r_r["r<br/>root"]
                r_a1["a1 (billing)<br/>add invoices"]
                r_n1["n1 (net)<br/>network"]
                r_n2["n2"]
                r_b1["b1<br/>add users"]
                r_m["m<br/>merge #quot;billing#quot; #lt;main#gt;"]
                r_r --> r_a1
                r_n1 --> r_n2
                r_a1 -.-> r_n2
                r_r --> r_b1
                r_a1 --> r_m
                r_b1 --> r_m
                classDef head stroke:#1f6feb,stroke-width:3px
                classDef current fill:#d3f5d3
                class r_n2,r_m head
                class r_n2,r_b1 current
            '''.stripIndent()
    }

    def "without a database there is no current class, and a revision id Mermaid would read as a keyword stays a node"() {
        given:
        def graph = RevisionGraph.of([new Revision('end', [], [], [], 'first'), new Revision('graph', ['end'], [], [], 'second')])

        expect:
        GraphDiagram.mermaid(graph, []) == '''\
            flowchart TD
                r_end["end<br/>first"]
                r_graph["graph<br/>second"]
                r_end --> r_graph
                classDef head stroke:#1f6feb,stroke-width:3px
                classDef current fill:#d3f5d3
                class r_graph head
            '''.stripIndent()
        !GraphDiagram.dot(graph, []).contains('fillcolor')
    }
}
