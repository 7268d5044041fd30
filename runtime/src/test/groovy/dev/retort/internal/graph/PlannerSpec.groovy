package dev.retort.internal.graph

import spock.lang.Specification

class PlannerSpec extends Specification {
    def graph = RevisionGraph.of([Revision.of('a1'), Revision.of('b2', 'a1'), Revision.of('c3', 'b2')])
    def planner = new Planner(graph)

    def "upgrade head from base runs every revision in order"() {
        expect:
        planner.upgrade([], 'head')*.revision()*.id() == ['a1', 'b2', 'c3']
    }

    def "downgrade -1 removes only the newest"() {
        expect:
        planner.downgrade(['c3'], '-1')*.revision()*.id() == ['c3']
    }
}
