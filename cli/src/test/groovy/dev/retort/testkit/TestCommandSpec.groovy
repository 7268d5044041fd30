package dev.retort.testkit

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** {@code retort test} on in-memory H2 scratch databases: what each check catches, and how it says so. */
class TestCommandSpec extends Specification {
    @TempDir Path dir
    TempProject project

    def setup() {
        project = new TempProject(dir)
        project.revision('a1a1a1a1a1a1', '''
            revision 'a1a1a1a1a1a1'
            message 'create t'
            upgrade {
                createTable('t') {
                    column 'id', integer, primaryKey: true
                    column 'a', string(20)
                }
            }''')
    }

    private void revision(String id, String parent, String body) {
        project.revision(id, "revision '$id'\n" + (parent ? "revises '$parent'\n" : '') + "message 'revision $id'\n" + body.stripIndent())
    }

    def "a downgrade that forgets an index fails no-trace, naming the revision, its file and the index"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade {
                createIndex 'ix_a', 't', ['a']
                addColumn 't', 'b', integer
            }
            downgrade { dropColumn 't', 'b' }''')

        when:
        def run = project.run('test')

        then:
        run.exitCode == 1
        run.lines().contains('FAIL no-trace: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) left index ix_a on t')
        run.out.contains('      left index ix_a on t (a)')
        // The index left behind also makes the second upgrade fail, which stairway reports against the same revision.
        run.lines().find { it.startsWith('FAIL stairway: ') }.startsWith('FAIL stairway: second upgrade (after its downgrade) of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) failed: ')
        run.lines()[0..1] == ['PASS single-head (head b2b2b2b2b2b2)', 'PASS upgrade (base -> b2b2b2b2b2b2, 2 revisions)']
    }

    def "a downgrade that fails fails stairway, naming the revision and the database's error"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { addColumn 't', 'b', integer }
            downgrade { execute 'DROP TABLE no_such_table' }''')

        when:
        def run = project.run('test', '--only', 'stairway')
        def json = project.run('--json', 'test', '--only', 'stairway').out

        then:
        run.exitCode == 1
        run.lines()[0].startsWith('FAIL stairway: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) failed: ')
        run.lines()[0].toUpperCase().contains('NO_SUCH_TABLE')
        json.startsWith('{"passed":false,"checks":[{"name":"stairway","passed":false,"revision":"b2b2b2b2b2b2","message":"downgrade of b2b2b2b2b2b2 ')
    }

    def "a revision whose upgrade fails fails upgrade and stairway, naming it"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { execute 'INSERT INTO no_such_table VALUES (1)' }
            downgrade { }''')

        when:
        def run = project.run('test')

        then:
        run.exitCode == 1
        run.lines().any { it.startsWith('FAIL upgrade: upgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) failed: ') }
        run.lines().any { it.startsWith('FAIL stairway: upgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) failed: ') }
        run.lines().any { it.startsWith('FAIL no-trace: could not check past b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy): its upgrade failed') }
    }

    def "a branched graph with a merge walks each revision alone: every check passes, one line each"() {
        given: 'two branches from a1 that each add a table, and a merge'
        revision('b1b1b1b1b1b1', 'a1a1a1a1a1a1', '''
            upgrade { createTable('u') { column 'id', integer, primaryKey: true } }''')
        revision('c1c1c1c1c1c1', 'a1a1a1a1a1a1', '''
            upgrade { createTable('v') { column 'id', integer, primaryKey: true; column 't_id', integer, references: 't.id' } }''')
        project.revision('d1d1d1d1d1d1', '''
            revision 'd1d1d1d1d1d1'
            revises 'b1b1b1b1b1b1', 'c1c1c1c1c1c1'
            message 'merge'
            upgrade { }''')

        when:
        def run = project.run('test')

        then:
        run.exitCode == 0
        run.lines() == ['PASS single-head (head d1d1d1d1d1d1)',
                        'PASS upgrade (base -> d1d1d1d1d1d1, 4 revisions)',
                        'PASS stairway (4 revisions)',
                        'PASS no-trace (4 revisions)']
        run.err == ''
    }

    def "the project's own database is never touched"() {
        when:
        def run = project.run('test')

        then:
        run.exitCode == 0
        !Files.exists(dir.resolve('.retort/test.mv.db'))
    }

    def "two heads fail single-head, unless test_labels gives each its branch"() {
        given:
        revision('b1b1b1b1b1b1', 'a1a1a1a1a1a1', "branchLabels 'billing'\nupgrade { }")
        revision('c1c1c1c1c1c1', 'a1a1a1a1a1a1', "branchLabels 'shipping'\nupgrade { }")

        when:
        def plain = project.run('test', '--only', 'single-head')

        then:
        plain.exitCode == 1
        plain.lines()[0].startsWith('FAIL single-head: 2 heads (b1b1b1b1b1b1, c1c1c1c1c1c1); join them with retort merge')
        plain.lines()[1..2] == ['    b1b1b1b1b1b1 (versions/b1b1b1b1b1b1.groovy) labels billing',
                                '    c1c1c1c1c1c1 (versions/c1c1c1c1c1c1.groovy) labels shipping']

        when:
        def labelled = project.run('-x', 'test_labels=billing shipping', 'test', '--only', 'single-head')
        def missing = project.run('-x', 'test_labels=billing', 'test', '--only', 'single-head')

        then:
        labelled.exitCode == 0
        labelled.lines() == ['PASS single-head (one head on each of billing, shipping)']
        missing.exitCode == 1
        missing.lines()[0].startsWith('FAIL single-head: head c1c1c1c1c1c1 is on none of test_labels')
    }

    def "no-trace prints every difference a downgrade left: tables, column types and defaults, constraints"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade {
                alterColumn 't', 'a', type: string(40), nullable: false, default: 'x'
                createTable('extra') { column 'id', integer, primaryKey: true }
                createUniqueConstraint 'uq_t_a', 't', ['a']
            }
            downgrade { alterColumn 't', 'a', nullable: true }''')

        when:
        def run = project.run('test', '--only', 'no-trace')

        then:
        run.exitCode == 1
        run.lines()[0] == 'FAIL no-trace: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) left table extra'
        run.lines().drop(1) == ['    downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy):',
                                '      left table extra (id)',
                                "      changed column t.a: type string(20) -> string(40), default none -> 'x'",
                                '      left unique constraint uq_t_a on t (a)']
    }

    def "model fails when head differs from the model, listing the differences"() {
        given:
        dir.resolve('model.groovy').text = '''
            createTable('t') {
                column 'id', integer, primaryKey: true
                column 'a', string(20)
                column 'b', integer
            }'''.stripIndent()

        when:
        def run = project.run('-x', 'model=model.groovy', 'test', '--only', 'upgrade,model')
        dir.resolve('model.groovy').text = dir.resolve('model.groovy').text.replace("column 'b', integer", '')
        def fixed = project.run('-x', 'model=model.groovy', 'test', '--only', 'model')

        then:
        run.exitCode == 1
        run.lines() == ['PASS upgrade (base -> a1a1a1a1a1a1, 1 revision)',
                        'FAIL model: head differs from model.groovy in 1 way: add column t.b; write a revision for it (retort revision --autogenerate) or fix the model',
                        '    add column t.b']
        fixed.exitCode == 0
        fixed.lines() == ['PASS model (head matches model.groovy)']
    }

    def "data checks put rows in at a revision and assert on them after a later one"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { addColumn 't', 'b', integer, nullable: false, default: 7 }''')
        dir.resolve('retort-test.groovy').text = '''
            at 'a1a1a1a1a1a1' {
                insert 't', [[id: 1, a: 'x'], [id: 2, a: null]]
            }
            at('a1a1') { sql -> sql.execute "update t set a = 'y' where id = 2" }
            after 'b2b2b2b2b2b2' {
                assert rows('select id, a, b from t order by id') == [[id: 1, a: 'x', b: expected], [id: 2, a: 'y', b: 7]]
            }
            after('b2b2') { assert value('select count(*) from t') == 2 }
            '''.stripIndent().replace('expected', expected)

        when:
        def run = project.run('test', '--only', 'data')

        then:
        run.exitCode == code
        run.lines()[0] == first
        // A failure shows Groovy's diagram of the values the assertion saw.
        code == 0 || run.lines().drop(1).any { it.trim() == "[['id':1, 'a':'x', 'b':7], ['id':2, 'a':'y', 'b':7]]" }

        where:
        expected || code | first
        '7'      || 0    | 'PASS data (4 blocks of retort-test.groovy)'
        '8'      || 1    | "FAIL data: after 'b2b2b2b2b2b2' (retort-test.groovy:7): assert rows('select id, a, b from t order by id') == [[id: 1, a: 'x', b: 8], [id: 2, a: 'y', b: 7]]"
    }

    def "rows put in by a data check that break a later revision fail data, naming that revision"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { alterColumn 't', 'a', nullable: false }
            downgrade { alterColumn 't', 'a', nullable: true }''')
        dir.resolve('retort-test.groovy').text = "at('a1a1a1a1a1a1') { insert 't', [[id: 1, a: null]] }\n"

        when:
        def run = project.run('test')

        then:
        run.exitCode == 1
        run.lines().findAll { it.startsWith('FAIL') }.size() == 1
        run.lines().find { it.startsWith('FAIL') }.startsWith('FAIL data: upgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) failed with the rows of retort-test.groovy in the database: ')
    }

    def "a data check naming no revision of the project is an error with its line"() {
        given:
        dir.resolve('retort-test.groovy').text = "// rows\n\nafter('ffffffffffff') { assert true }\n"

        when:
        def run = project.run('test', '--only', 'data')

        then:
        run.exitCode == 1
        run.lines()[0].startsWith("FAIL data: retort-test.groovy:3: after 'ffffffffffff': ")
    }

    def "--json prints passed and, per check, exactly name, passed, revision and message"() {
        given:
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { createIndex 'ix_a', 't', ['a'], ifNotExists: true }
            downgrade { }''')

        when:
        def run = project.run('--json', 'test', '--only', 'no-trace,single-head')

        then:
        run.exitCode == 1
        run.lines() == ['{"passed":false,"checks":[{"name":"single-head","passed":true,"revision":null,"message":"head b2b2b2b2b2b2"},'
                                + '{"name":"no-trace","passed":false,"revision":"b2b2b2b2b2b2",'
                                + '"message":"downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) left index ix_a on t"}]}']
    }

    def "an unknown check name is bad usage"() {
        when:
        def run = project.run('test', '--only', 'stairway,nope')

        then:
        run.exitCode == 2
        run.err.contains("'nope' is not a check of retort test; the checks are single-head, upgrade, stairway, no-trace, model, data")
    }

    def "a SQLite test_url gets a temporary file that is gone after the run"() {
        given:
        Path tmp = Path.of(System.getProperty('java.io.tmpdir'))
        def before = scratchFolders(tmp)
        revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { createIndex 'ix_a', 't', ['a'] }
            downgrade { }''')

        when:
        def run = project.run('-x', 'test_url=jdbc:sqlite:', 'test')

        then:
        run.exitCode == 1
        run.lines().contains('FAIL no-trace: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) left index ix_a on t')
        scratchFolders(tmp) - before == [] as Set
    }

    private static Set<String> scratchFolders(Path tmp) {
        Files.list(tmp).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.startsWith('retort_test_') }.toList() as Set }
    }
}
