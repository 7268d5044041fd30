package dev.retort.internal.graph

import spock.lang.Specification

/** Django's squash rules on a pure graph: p, then the run a1..a3 that s replaces, then n on top. */
class SquashesSpec extends Specification {
    static Revision rev(String id, List<String> down, List<String> replaces = []) { new Revision(id, down, [], [], "message of $id", replaces) }

    def files = [rev('p', []), rev('a1', ['p']), rev('a2', ['a1']), rev('a3', ['a2']), rev('n', ['a3']),
                 rev('s', ['p'], ['a1', 'a2', 'a3'])]

    def "a fresh database sees the squash in place of the run, with one head"() {
        when:
        def view = Squashes.fresh(files)

        then:
        view.graph().topologicalOrder() == ['p', 's', 'n']
        view.graph().heads() == ['n']
        view.graph().get('n').downRevisions() == ['s']
        view.inUse() == ['s']
        new Planner(view.graph()).upgrade([], 'head')*.revision()*.id() == ['p', 's', 'n']
    }

    def "a database below the run takes the squash"() {
        expect:
        new Planner(Squashes.of(files, ['p']).graph()).upgrade(['p'], 'head')*.revision()*.id() == ['s', 'n']
    }

    def "a database inside the run goes on with the originals and ends at the same head"() {
        when:
        def view = Squashes.of(files, ['a2'])

        then:
        view.setAside() == ['s']
        !view.graph().contains('s')
        view.rows() == ['a2']
        new Planner(view.graph()).upgrade(view.rows(), 'head')*.revision()*.id() == ['a3', 'n']
    }

    def "a database at the end of the run or past it is at the squash"() {
        expect:
        Squashes.of(files, ['a3']).rows() == ['s']
        Squashes.of(files, ['a3']).rowsChanged(['a3'])
        Squashes.of(files, ['n']).rows() == ['n']
        !Squashes.of(files, ['n']).rowsChanged(['n'])
        new Planner(Squashes.of(files, ['n']).graph()).downgrade(['n'], 'p')*.revision()*.id() == ['n', 's']
    }

    def "a revision written on the squash revises the run's end for a database inside the run"() {
        given:
        def withNewer = files + [rev('m', ['s'])]
        files.removeIf { it.id() == 'n' }
        withNewer.removeIf { it.id() == 'n' }

        expect:
        Squashes.of(withNewer, ['a1']).graph().get('m').downRevisions() == ['a3']
        Squashes.fresh(withNewer).graph().get('m').downRevisions() == ['s']
    }

    def "the originals view sets every squash aside and reads a row at the squash as the run's end"() {
        when:
        def view = Squashes.originals(files, ['s'])

        then:
        view.rows() == ['a3']
        view.graph().topologicalOrder() == ['p', 'a1', 'a2', 'a3', 'n']
    }

    def "a pruned squash is an ordinary revision: what named the run's end names it, and so does a row there"() {
        given:
        def pruned = [rev('p', []), rev('s', ['p'], ['a1', 'a2', 'a3']), rev('n', ['a3'])]

        expect:
        Squashes.fresh(pruned).graph().get('n').downRevisions() == ['s']
        Squashes.of(pruned, ['a3']).rows() == ['s']
        Squashes.of(pruned, ['a3']).graph().heads() == ['n']
    }

    def "a squash with only some of its replaced revisions present is an error naming the missing ones"() {
        when:
        Squashes.fresh(files.findAll { it.id() != 'a2' }.collect { it.id() == 'a3' ? rev('a3', ['a1']) : it })

        then:
        def e = thrown(GraphException)
        e.message.contains('Squash s replaces a1, a2, a3, but a2 is missing')
    }

    def "a revision replaced by two squashes is an error"() {
        when:
        Squashes.fresh(files + [rev('t', ['p'], ['a2', 'a3'])])

        then:
        def e = thrown(GraphException)
        e.message.contains('Revision a2 is replaced by two squashes, s and t')
    }

    def "the range of a squash is a linear run; branch points, merges and dependencies are refused"() {
        given:
        def graph = RevisionGraph.of([Revision.of('p'), Revision.of('a1', 'p'), Revision.of('a2', 'a1'), Revision.of('a3', 'a2'),
                                      Revision.of('x', 'a2')])

        expect:
        SquashRange.of(graph, 'a1', 'a2').revisions() == ['a1', 'a2']
        SquashRange.of(graph, 'a1', 'a2').parent() == 'p'
        SquashRange.of(graph, 'p', 'a1').parent() == null

        when:
        SquashRange.of(graph, 'a1', 'a3')

        then:
        def e = thrown(GraphException)
        e.message == "Cannot squash a run that is not linear: a2 is inside it and it is a branch point (a3, x revise it); " +
                "squash the linear part on either side of it instead"

        when:
        SquashRange.of(graph, 'a3', 'a1')

        then:
        e = thrown(GraphException)
        e.message.contains('a3 is not below a1')
    }
}
