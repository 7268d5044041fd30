package dev.retort.internal.script

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A Groovy revision may declare classes of its own beside its blocks ({@code class Helper { … }}): they compile with the
 * script, are cached with it, and two revisions may each declare a class of the same name.
 */
class GroovyRevisionClassesSpec extends Specification {
    @TempDir Path dir

    static String withHelper(String id, String parent, String table) {
        """
        revision '$id'
        ${parent ? "revises '$parent'" : ''}
        message 'uses a helper class'

        class Helper {
            static String table() { '$table' }
            static List<Map> rows() { (1..3).collect { [id: it] } }
        }

        enum Size { SMALL, LARGE }

        upgrade {
            createTable(Helper.table()) {
                column 'id', integer, primaryKey: true
                column 'size', string(10), default: Size.LARGE.name()
            }
            insert Helper.table(), Helper.rows()
        }
        """
    }

    def "a revision that declares a class and an enum runs, cold and from the compile cache"() {
        given:
        def p = new TempProject(dir)
        p.write('c1.groovy', withHelper('c10000000001', null, 'helped'))

        when: 'cold: the script is compiled'
        def cold = p.run('upgrade', 'head')

        then:
        cold.exitCode == 0
        p.rows('SELECT id, size FROM helped ORDER BY id') == [['1', 'LARGE'], ['2', 'LARGE'], ['3', 'LARGE']]
        p.cacheEntries().size() == 1

        when: 'warm, without the recorded operations: the script runs from the cached classes, the helper class among them'
        p.run('downgrade', 'base')
        Files.walk(p.cache).withCloseable { s -> s.filter { it.toString().endsWith('.ops') }.toList() }.each { Files.delete(it) }
        def warm = p.run('upgrade', 'head', '--sql')

        then:
        warm.exitCode == 0
        warm.out.contains('CREATE TABLE helped')
        p.cacheEntries().size() == 1
    }

    def "two revisions may each declare a class of the same name, compiled together, and each uses its own"() {
        given:
        def p = new TempProject(dir)
        p.write('c1.groovy', withHelper('c10000000001', null, 'first_table'))
        p.write('c2.groovy', withHelper('c10000000002', 'c10000000001', 'second_table'))

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 0
        p.rows('SELECT COUNT(*) FROM first_table') == [['3']]
        p.rows('SELECT COUNT(*) FROM second_table') == [['3']]
        p.cacheEntries().size() == 2
    }

    def "a revision whose class does not compile is an error naming its file and line"() {
        given:
        def p = new TempProject(dir)
        p.write('c1.groovy', withHelper('c10000000001', null, 'first_table'))
        p.write('c2.groovy', '''
            revision 'c10000000002'
            revises 'c10000000001'

            class Broken {
                static String t() { return 'x'
            }

            upgrade { }
            ''')

        when:
        def run = p.run('upgrade', 'head')

        then:
        run.exitCode == 1
        run.err.contains('c2.groovy:')
        !run.err.contains('NullPointerException')
    }
}
