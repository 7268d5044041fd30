package dev.retort.graph

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code history --graph} and {@code graph --format dot|mermaid} through the command line, over a project with a branch,
 * a merge, a second root, a dependsOn and labels, with the database's current revisions marked when it can be read.
 */
class GraphDrawingOnH2Spec extends Specification {
    @TempDir Path tmp
    TempProject project

    def setup() {
        project = new TempProject(tmp)
        BranchyProject.write(project)
    }

    def "history --graph draws branches and merges, labels, heads and dependencies, and marks the current revision"() {
        given:
        project.run('upgrade', '3000cccc0001')

        when:
        def drawn = project.run('history', '--graph')

        then:
        drawn.exitCode == 0
        drawn.err == ''
        drawn.out == '''\
            * 4000dddd0001 (billing) (head), merge billing
            |\\
            | * 3000cccc0001 (current), add users
            | | * 5000eeee0002 (audit) (head) (depends on 2000bbbb0001), audit invoices
            | | * 5000eeee0001 (audit), audit log
            * | 2000bbbb0001 (billing), add invoices
            |/
            * 1000aaaa0001, create accounts
            '''.stripIndent()
    }

    def "history --graph -r draws the range only"() {
        expect:
        project.run('history', '--graph', '-r', '2000bbbb0001:4000dddd0001').out == '''\
            * 4000dddd0001 (billing) (head), merge billing
            * 2000bbbb0001 (billing), add invoices
            '''.stripIndent()
    }

    def "graph --format dot writes Graphviz with dependsOn dashed, heads bold and the current revision filled"() {
        given:
        project.run('upgrade', '3000cccc0001')

        when:
        def dot = project.run('graph', '--format', 'dot')

        then:
        dot.exitCode == 0
        dot.out.startsWith('digraph revisions {\n')
        dot.out.contains('"3000cccc0001" [label="3000cccc0001\\nadd users", style="rounded,filled", fillcolor="#d3f5d3"];')
        dot.out.contains('"4000dddd0001" [label="4000dddd0001\\nmerge billing", style="rounded,bold", color="#1f6feb", penwidth=2];')
        dot.out.contains('"2000bbbb0001" [label="2000bbbb0001 (billing)\\nadd invoices"];')
        dot.out.contains('"2000bbbb0001" -> "5000eeee0002" [style=dashed];')
        dot.out.contains('"2000bbbb0001" -> "4000dddd0001";\n    "3000cccc0001" -> "4000dddd0001";')
    }

    def "graph --format mermaid -o FILE.md writes a Markdown mermaid block; to stdout it is the bare flowchart"() {
        given:
        project.run('upgrade', 'heads')
        Path file = tmp.resolve('graph.md')

        when:
        def written = project.run('graph', '--format', 'mermaid', '-o', file.toString())
        def printed = project.run('graph', '--format', 'mermaid')

        then:
        written.exitCode == 0
        file.text == '```mermaid\n' + printed.out + '```\n'
        printed.out.startsWith('flowchart TD\n')
        printed.out.contains('    r_2000bbbb0001 -.-> r_5000eeee0002\n')
        printed.out.contains('    class r_5000eeee0002,r_4000dddd0001 head\n')
        printed.out.contains('    class r_5000eeee0002,r_4000dddd0001 current\n')
    }

    def "a database that cannot be reached: the graph is drawn without current revisions, and stderr says so"() {
        given:
        def unreachable = new TempProject(tmp.resolve('elsewhere'), 'jdbc:postgresql://127.0.0.1:1/nowhere')
        BranchyProject.write(unreachable)

        when:
        def dot = unreachable.run('graph', '--format', 'dot')
        def history = unreachable.run('history', '--graph')

        then:
        dot.exitCode == 0
        !dot.out.contains('fillcolor')
        dot.err.startsWith('note: cannot read the current revisions from jdbc:postgresql://127.0.0.1:1/nowhere (')
        dot.err.contains('the graph is drawn without them')
        history.exitCode == 0
        history.out.readLines()[0] == '* 4000dddd0001 (billing) (head), merge billing'
        !history.out.contains('(current)')
        history.err.contains('the graph is drawn without them')
    }

    def "with no database configured the graph is drawn without asking one"() {
        given:
        project.ini.text = '[retort]\nversion_locations = versions\n'

        when:
        def mermaid = project.run('graph', '--format', 'mermaid')

        then:
        mermaid.exitCode == 0
        mermaid.err == ''
        mermaid.out.contains(' head\n')
        !mermaid.out.contains(' current\n')
        !Files.exists(tmp.resolve('.retort'))
    }

    def "#args is bad usage"() {
        when:
        def run = project.run(*args)

        then:
        run.exitCode == 2
        run.err.contains(message)

        where:
        args                              | message
        ['graph', '--format', 'svg']      | '--format svg is not a graph format; use dot (Graphviz) or mermaid'
        ['history', '--graph', '-v']      | 'cannot be combined with -v or --json'
        ['--json', 'history', '--graph']  | 'cannot be combined with -v or --json'
    }
}
