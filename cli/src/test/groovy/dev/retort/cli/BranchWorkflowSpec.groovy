package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import spock.lang.Specification

/**
 * Two labelled branches from base, upgraded together, merged, then taken down one branch at a time, driven through
 * the command line in-process. Subclasses say which database.
 */
abstract class BranchWorkflowSpec extends Specification {
    Path dir
    Path versions

    abstract String databaseUrl()
    abstract String databaseUser()

    def setup() {
        dir = Files.createTempDirectory('retort-i5-branches')
        versions = Files.createDirectories(dir.resolve('versions'))
        Files.writeString(dir.resolve('retort.ini'), "[retort]\nversion_locations = versions\nurl = ${databaseUrl()}\nuser = ${databaseUser()}\n")
    }

    /** Runs one command line; returns [exit code, stdout, stderr]. */
    Map run(String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = RetortCli.run((['-c', dir.resolve('retort.ini').toString()] + (args as List)) as String[],
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [:])
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8'), lines: out.toString('UTF-8').readLines()]
    }

    /** Gives a generated revision an upgrade that creates a table, so the database shows what ran. */
    void createsTable(String rev, String table) {
        Path file = Files.list(versions).filter { it.fileName.toString().contains(rev) }.findFirst().get()
        Files.writeString(file, Files.readString(file).replaceFirst(/(?s)upgrade \{.*?\n\}/, "upgrade {\n    createTable('$table') {\n        column 'id', integer, primaryKey: true\n    }\n}"))
    }

    List<String> rows() {
        withConnection { c -> c.createStatement().executeQuery('SELECT version_num FROM retort_version').with { rs ->
            def out = []; while (rs.next()) out << rs.getString(1); out.sort() } }
    }

    Set<String> tables() {
        withConnection { c ->
            def rs = c.metaData.getTables(null, null, '%', ['TABLE'] as String[])
            def out = [] as Set
            while (rs.next()) if (rs.getString('TABLE_SCHEM')?.toLowerCase() in ['public', null]) out << rs.getString('TABLE_NAME').toLowerCase()
            out - ['retort_version', 'retort_history', 'retort_version_lock']
        }
    }

    def withConnection(Closure work) {
        def c = DriverManager.getConnection(databaseUrl().replace('${here}', dir.toString()), databaseUser(), '')
        try { work(c) } finally { c.close() }
    }

    def "two labelled branches from base go up together, merge, and come down one branch at a time"() {
        when: 'two branches are started from base with labels, and each gets a second revision'
        def created = [run('revision', '-m', 'left one', '--head', 'base', '--branch-label', 'left', '--rev-id', 'a1a1a1a1a1a1'),
                       run('revision', '-m', 'right one', '--head', 'base', '--branch-label', 'right', '--rev-id', 'b1b1b1b1b1b1'),
                       run('revision', '-m', 'left two', '--head', 'left@head', '--rev-id', 'a2a2a2a2a2a2'),
                       run('revision', '-m', 'right two', '--head', 'right@head', '--rev-id', 'b2b2b2b2b2b2')]
        ['a1a1a1a1a1a1': 'left_one', 'b1b1b1b1b1b1': 'right_one', 'a2a2a2a2a2a2': 'left_two', 'b2b2b2b2b2b2': 'right_two']
                .each { rev, table -> createsTable(rev, table) }

        then:
        created*.code == [0, 0, 0, 0]
        run('heads').lines == ['a2a2a2a2a2a2 (left) (head)', 'b2b2b2b2b2b2 (right) (head)']

        when: 'a single head is asked for'
        def single = run('upgrade', 'head')

        then: 'Alembic refuses and says how to name one'
        single.code == 1
        single.err.contains("Multiple head revisions are present for given argument 'head'")
        single.err.contains("'<branchname>@head'")

        when: 'both branches are upgraded'
        def up = run('upgrade', 'heads')

        then:
        up.code == 0
        up.lines.count { it.startsWith('Running upgrade') } == 4
        up.lines.indexOf('Running upgrade  -> a1a1a1a1a1a1, left one') < up.lines.indexOf('Running upgrade a1a1a1a1a1a1 -> a2a2a2a2a2a2, left two')
        up.lines.indexOf('Running upgrade  -> b1b1b1b1b1b1, right one') < up.lines.indexOf('Running upgrade b1b1b1b1b1b1 -> b2b2b2b2b2b2, right two')
        run('current').lines.sort() == ['a2a2a2a2a2a2 (head)', 'b2b2b2b2b2b2 (head)']
        rows() == ['a2a2a2a2a2a2', 'b2b2b2b2b2b2']
        tables() == ['left_one', 'left_two', 'right_one', 'right_two'] as Set
        run('current', '--check-heads').code == 0

        when: 'the two heads are merged and the merge is applied'
        def merged = run('merge', '-m', 'join', 'heads', '--rev-id', 'c3c3c3c3c3c3')
        def notAtHeads = run('current', '--check-heads')
        def upMerge = run('upgrade', 'head')

        then:
        merged.code == 0
        notAtHeads.code == 1
        notAtHeads.err.contains('c3c3c3c3c3c3 is not applied')
        run('heads').lines == ['c3c3c3c3c3c3 (left, right) (head)']
        upMerge.lines == ['Running upgrade a2a2a2a2a2a2, b2b2b2b2b2b2 -> c3c3c3c3c3c3, join']
        run('current').lines == ['c3c3c3c3c3c3 (head) (mergepoint)']
        rows() == ['c3c3c3c3c3c3']
        run('history', '-i').lines[0] == 'a2a2a2a2a2a2, b2b2b2b2b2b2 -> c3c3c3c3c3c3 (left, right) (head) (current) (mergepoint), join'

        when: 'the left branch goes down to its base'
        def downLeft = run('downgrade', 'left@base')

        then: 'the merge and the left branch are removed; the right branch keeps its row'
        downLeft.code == 0
        downLeft.lines == ['Running downgrade c3c3c3c3c3c3 -> a2a2a2a2a2a2, b2b2b2b2b2b2, join',
                           'Running downgrade a2a2a2a2a2a2 -> a1a1a1a1a1a1, left two',
                           'Running downgrade a1a1a1a1a1a1 -> , left one']
        run('current').lines == ['b2b2b2b2b2b2']
        rows() == ['b2b2b2b2b2b2']
        tables() == ['right_one', 'right_two'] as Set

        when: 'the right branch goes down to its base'
        def downRight = run('downgrade', 'right@base')

        then:
        downRight.code == 0
        downRight.lines.size() == 2
        run('current').lines == []
        rows() == []
        tables().isEmpty()

        when: 'a new revision on a revision that is not a head'
        def splice = run('revision', '-m', 'middle', '--head', 'a1a1', '--rev-id', 'd4d4d4d4d4d4')

        then: 'it needs --splice, as in Alembic'
        splice.code == 1
        splice.err.contains('Revision a1a1a1a1a1a1 is not a head revision')
        splice.err.contains('--splice')
        run('revision', '-m', 'middle', '--head', 'a1a1', '--splice', '--rev-id', 'd4d4d4d4d4d4').code == 0
        run('branches').lines == ['a1a1a1a1a1a1 (left) (branchpoint)',
                                  '             -> a2a2a2a2a2a2 (left)',
                                  '             -> d4d4d4d4d4d4 (left) (head)', '']
    }
}
