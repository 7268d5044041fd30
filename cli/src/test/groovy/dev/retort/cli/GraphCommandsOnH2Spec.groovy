package dev.retort.cli

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** The graph commands through the command line on H2: heads, history, show, branches, stamp, and their errors. */
class GraphCommandsOnH2Spec extends Specification {
    @TempDir Path dir
    TempProject project

    def setup() {
        project = new TempProject(dir, 'jdbc:h2:file:${here}/.retort/graph', [user: 'sa'])
    }

    /** Writes versions/FILE.groovy: this header and an empty upgrade block. */
    void revision(String file, String header) { project.write(file + '.groovy', header.stripIndent().trim() + '\n\nupgrade {\n}\n') }

    /** core: 1000aaaa0001 -> 1000aaaa0002 ; net: 2000bbbb0001 -> 2000bbbb0002 (depends on 1000aaaa0002, by prefix) */
    void crossBranchProject() {
        revision('1_core1', "revision '1000aaaa0001'\nmessage 'core one'\nbranchLabels 'core'")
        revision('2_core2', "revision '1000aaaa0002'\nrevises '1000aaaa0001'\nmessage 'core two'")
        revision('3_net1', "revision '2000bbbb0001'\nmessage 'net one'\nbranchLabels 'net'")
        revision('4_net2', "revision '2000bbbb0002'\nrevises '2000bbbb0001'\ndependsOn '1000aaaa0002'\nmessage 'net two'")
    }

    def "heads marks a head others depend on as an effective head, and --resolve-dependencies leaves it out"() {
        given:
        crossBranchProject()

        expect:
        project.run('heads').lines() == ['1000aaaa0002 (core) (effective head)', '2000bbbb0002 (net) (head)']
        project.run('heads', '--resolve-dependencies').lines() == ['2000bbbb0002 (net) (head)']
        project.run('history').lines().contains('2000bbbb0001 (1000aaaa0002) -> 2000bbbb0002 (net) (head), net two')
    }

    def "upgrading one branch pulls in its dependency, and current shows both branches"() {
        given:
        crossBranchProject()

        when:
        def up = project.run('upgrade', 'net@head')

        then:
        up.lines() == ['Running upgrade  -> 1000aaaa0001, core one', 'Running upgrade 1000aaaa0001 -> 1000aaaa0002, core two',
                     'Running upgrade  -> 2000bbbb0001, net one', 'Running upgrade 2000bbbb0001 -> 2000bbbb0002, net two']
        project.run('current').lines().sort() == ['1000aaaa0002 (effective head)', '2000bbbb0002 (head)']
        project.run('current', '--check-heads').exitCode == 0
        project.run('history', '-r', 'current:', '-i').lines().size() == 2

        when: 'the dependency is downgraded, what depends on it goes first'
        def down = project.run('downgrade', 'core@base')

        then:
        down.lines() == ['Running downgrade 2000bbbb0002 -> 2000bbbb0001, net two', 'Running downgrade 1000aaaa0002 -> 1000aaaa0001, core two',
                       'Running downgrade 1000aaaa0001 -> , core one']
        project.run('current').lines() == ['2000bbbb0001']
    }

    def "show, history ranges and --json give the same facts"() {
        given:
        crossBranchProject()

        when:
        def show = project.run('show', 'net@head')
        def json = project.run('--json', 'heads')

        then:
        show.lines().take(3) == ['Rev: 2000bbbb0002 (head)', 'Parent: 2000bbbb0001', 'Also depends on: 1000aaaa0002']
        show.out.contains('Branch names: net')
        project.run('history', '-r', '1000aaaa0001:1000aaaa0002').lines() == ['1000aaaa0001 -> 1000aaaa0002 (core) (effective head), core two',
                                                                     '<base> -> 1000aaaa0001 (core), core one']
        json.out.startsWith('[{"revision":"1000aaaa0002"')
        json.out.contains('"is_effective_head":true')
        project.run('history', '-r', '2000bbbb0001:1000aaaa0002').err.contains('does not refer to ancestor/descendant revisions along the same branch')
    }

    def "stamp sets the rows without running anything, online and as SQL"() {
        given:
        crossBranchProject()

        expect:
        project.run('stamp', 'core@head', 'net@head').exitCode == 0
        project.run('current').lines().sort() == ['1000aaaa0002 (effective head)', '2000bbbb0002 (head)']
        project.run('stamp', '1000aaaa0001').exitCode == 0      // net two needs core two: its row goes too
        project.run('current').lines() == ['1000aaaa0001']
        project.run('stamp', '--purge', 'net@head').exitCode == 0
        project.run('current').lines().sort() == ['1000aaaa0002 (effective head)', '2000bbbb0002 (head)']
        project.run('stamp', 'base').exitCode == 0
        project.run('current').lines() == []

        when:
        def sql = project.run('stamp', '--sql', '1000aaaa0001:1000aaaa0002')

        then:
        sql.out.contains("UPDATE retort_version SET version_num='1000aaaa0002' WHERE version_num = '1000aaaa0001'")
    }

    def "graph errors name the revisions and their files"() {
        given:
        revision('a', "revision 'aaaa00000001'\nrevises 'aaaa00000003'")
        revision('b', "revision 'aaaa00000002'\nrevises 'aaaa00000001'")
        revision('c', "revision 'aaaa00000003'\nrevises 'aaaa00000002'")

        when:
        def r = project.run('heads')

        then:
        r.exitCode == 1
        r.err.contains('Cycle is detected in revisions (aaaa00000001, aaaa00000002, aaaa00000003): aaaa00000001 revises aaaa00000003')
        r.err.contains(project.versions.resolve('a.groovy').toString())
        !r.err.contains('at dev.retort')
    }

    def "an ambiguous prefix lists the candidates"() {
        given:
        revision('a', "revision 'abcd00000001'")
        revision('b', "revision 'abcd00000002'\nrevises 'abcd00000001'")

        expect:
        project.run('show', 'abcd').err.contains("Multiple revisions start with 'abcd': abcd00000001, abcd00000002")
        project.run('upgrade', 'abc').err.contains("No such revision or branch 'abc'; a partial revision id needs at least four characters")
    }
}
