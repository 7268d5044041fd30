package dev.retort.internal.graph

import spock.lang.Specification

/**
 * {@code history --graph}: revisions drawn newest first as {@code git log --graph} draws commits. Each expectation is
 * the drawing as it appears in a terminal; the text after each node is the revision id, so the lanes stand out.
 */
class TerminalGraphSpec extends Specification {

    static Revision R(String id, List<String> down = [], List<String> deps = [], List<String> labels = []) {
        new Revision(id, down, deps, labels, "message of $id")
    }

    static String draw(List<Revision> revisions) {
        TerminalGraph.draw(TerminalGraph.nodes(RevisionGraph.of(revisions)) { it }).join('\n')
    }

    /** The expected drawing, written indented in the spec ({@code \\} in the source is one {@code \} on the screen). */
    static String drawing(String text) { text.stripIndent().trim() }

    def "a line of revisions is one lane"() {
        expect:
        draw([R('a1'), R('a2', ['a1']), R('a3', ['a2'])]) == drawing('''
            * a3
            * a2
            * a1''')
    }

    def "two branches from one revision join with / at the branch point"() {
        expect:
        draw([R('r'), R('a1', ['r']), R('a2', ['a1']), R('b1', ['r']), R('b2', ['b1'])]) == drawing('''
            * a2
            * a1
            | * b2
            | * b1
            |/
            * r''')
    }

    def "a merge opens a lane per parent with \\ and the branches join again below"() {
        expect:
        draw([R('r'), R('x', ['r']), R('y', ['r']), R('m', ['x', 'y'])]) == drawing('''
            * m
            |\\
            * | x
            | * y
            |/
            * r''')
    }

    def "merges of merges keep every line of descent in a lane of its own"() {
        expect:
        draw([R('r'), R('a', ['r']), R('b', ['r']), R('c', ['r']), R('m1', ['a', 'b']), R('m2', ['m1', 'c']), R('d', ['m2'])]) == drawing('''
            * d
            * m2
            |\\
            * | m1
            |\\ \\
            * | | a
            | * | b
            |/ /
            | * c
            |/
            * r''')
    }

    def "a merge of three parents opens its lanes one step at a time"() {
        expect:
        draw([R('r'), R('x', ['r']), R('y', ['r']), R('z', ['r']), R('m', ['x', 'y', 'z'])]) == drawing('''
            * m
            |\\
            | |\\
            * | | x
            | * | y
            |/ /
            | * z
            |/
            * r''')
    }

    def "two roots merged: the lane of the root that ends moves over with /"() {
        expect:
        draw([R('L1', [], [], ['left']), R('L2', ['L1']), R('R1', [], [], ['right']), R('R2', ['R1']), R('M', ['L2', 'R2'])]) == drawing('''
            * M
            |\\
            * | L2
            * | L1
             /
            * R2
            * R1''')
    }

    def "unconnected lines of revisions are kept apart by a blank line"() {
        expect:
        draw([R('a1'), R('a2', ['a1']), R('b1'), R('b2', ['b1'])]) == drawing('''
            * a2
            * a1

            * b2
            * b1''')
    }

    def "a range draws only its own revisions: parents outside it are left out"() {
        given:
        def nodes = [new TerminalGraph.Node('m', ['x', 'y'], 'm'), new TerminalGraph.Node('x', ['r'], 'x'),
                     new TerminalGraph.Node('y', ['r'], 'y')]

        expect:
        TerminalGraph.draw(nodes).join('\n') == drawing('''
            * m
            |\\
            * | x
             /
            * y''')
    }

    def "the text after each node is the caller's: labels and current marks reach the line as given"() {
        given:
        def graph = RevisionGraph.of([R('r'), R('a', ['r'], [], ['billing']), R('b', ['r'])])

        expect:
        TerminalGraph.draw(TerminalGraph.nodes(graph) { id -> id + (graph.branchLabels(id) ? " (${graph.branchLabels(id).join(', ')})" : '') + (id == 'b' ? ' (current)' : '') }) ==
                ['* a (billing)', '| * b (current)', '|/', '* r']
    }
}
