package dev.retort.cli

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Two labelled branches from base, upgraded together, merged, then taken down one branch at a time, driven through
 * the command line in-process. Subclasses say which database.
 */
abstract class BranchWorkflowSpec extends Specification {
    @TempDir Path dir
    TempProject project

    abstract String databaseUrl()
    abstract String databaseUser()

    def setup() {
        project = new TempProject(dir, databaseUrl(), [user: databaseUser()])
    }

    /** Gives a generated revision an upgrade that creates a table, so the database shows what ran. */
    void createsTable(String rev, String table) {
        Path file = Files.list(project.versions).filter { it.fileName.toString().contains(rev) }.findFirst().get()
        Files.writeString(file, Files.readString(file).replaceFirst(/(?s)upgrade \{.*?\n\}/, "upgrade {\n    createTable('$table') {\n        column 'id', integer, primaryKey: true\n    }\n}"))
    }

    List<String> rows() {
        project.rows('SELECT version_num FROM retort_version')*.get(0).sort()
    }

    Set<String> tables() {
        def c = project.connect()
        try {
            def rs = c.metaData.getTables(null, null, '%', ['TABLE'] as String[])
            def out = [] as Set
            while (rs.next()) if (rs.getString('TABLE_SCHEM')?.toLowerCase() in ['public', null]) out << rs.getString('TABLE_NAME').toLowerCase()
            out - ['retort_version', 'retort_history', 'retort_version_lock']
        } finally { c.close() }
    }

    def "two labelled branches from base go up together, merge, and come down one branch at a time"() {
        when: 'two branches are started from base with labels, and each gets a second revision'
        def created = [project.run('revision', '-m', 'left one', '--head', 'base', '--branch-label', 'left', '--rev-id', 'a1a1a1a1a1a1'),
                       project.run('revision', '-m', 'right one', '--head', 'base', '--branch-label', 'right', '--rev-id', 'b1b1b1b1b1b1'),
                       project.run('revision', '-m', 'left two', '--head', 'left@head', '--rev-id', 'a2a2a2a2a2a2'),
                       project.run('revision', '-m', 'right two', '--head', 'right@head', '--rev-id', 'b2b2b2b2b2b2')]
        ['a1a1a1a1a1a1': 'left_one', 'b1b1b1b1b1b1': 'right_one', 'a2a2a2a2a2a2': 'left_two', 'b2b2b2b2b2b2': 'right_two']
                .each { rev, table -> createsTable(rev, table) }

        then:
        created*.exitCode == [0, 0, 0, 0]
        project.run('heads').lines() == ['a2a2a2a2a2a2 (left) (head)', 'b2b2b2b2b2b2 (right) (head)']

        when: 'a single head is asked for'
        def single = project.run('upgrade', 'head')

        then: 'Alembic refuses and says how to name one'
        single.exitCode == 1
        single.err.contains("Multiple head revisions are present for given argument 'head'")
        single.err.contains("'<branchname>@head'")

        when: 'both branches are upgraded'
        def up = project.run('upgrade', 'heads')

        then:
        up.exitCode == 0
        up.lines().count { it.startsWith('Running upgrade') } == 4
        up.lines().indexOf('Running upgrade  -> a1a1a1a1a1a1, left one') < up.lines().indexOf('Running upgrade a1a1a1a1a1a1 -> a2a2a2a2a2a2, left two')
        up.lines().indexOf('Running upgrade  -> b1b1b1b1b1b1, right one') < up.lines().indexOf('Running upgrade b1b1b1b1b1b1 -> b2b2b2b2b2b2, right two')
        project.run('current').lines().sort() == ['a2a2a2a2a2a2 (head)', 'b2b2b2b2b2b2 (head)']
        rows() == ['a2a2a2a2a2a2', 'b2b2b2b2b2b2']
        tables() == ['left_one', 'left_two', 'right_one', 'right_two'] as Set
        project.run('current', '--check-heads').exitCode == 0

        when: 'the two heads are merged and the merge is applied'
        def merged = project.run('merge', '-m', 'join', 'heads', '--rev-id', 'c3c3c3c3c3c3')
        def notAtHeads = project.run('current', '--check-heads')
        def upMerge = project.run('upgrade', 'head')

        then:
        merged.exitCode == 0
        notAtHeads.exitCode == 1
        notAtHeads.err.contains('c3c3c3c3c3c3 is not applied')
        project.run('heads').lines() == ['c3c3c3c3c3c3 (left, right) (head)']
        upMerge.lines() == ['Running upgrade a2a2a2a2a2a2, b2b2b2b2b2b2 -> c3c3c3c3c3c3, join']
        project.run('current').lines() == ['c3c3c3c3c3c3 (head) (mergepoint)']
        rows() == ['c3c3c3c3c3c3']
        project.run('history', '-i').lines()[0] == 'a2a2a2a2a2a2, b2b2b2b2b2b2 -> c3c3c3c3c3c3 (left, right) (head) (current) (mergepoint), join'

        when: 'the left branch goes down to its base'
        def downLeft = project.run('downgrade', 'left@base')

        then: 'the merge and the left branch are removed; the right branch keeps its row'
        downLeft.exitCode == 0
        downLeft.lines() == ['Running downgrade c3c3c3c3c3c3 -> a2a2a2a2a2a2, b2b2b2b2b2b2, join',
                           'Running downgrade a2a2a2a2a2a2 -> a1a1a1a1a1a1, left two',
                           'Running downgrade a1a1a1a1a1a1 -> , left one']
        project.run('current').lines() == ['b2b2b2b2b2b2']
        rows() == ['b2b2b2b2b2b2']
        tables() == ['right_one', 'right_two'] as Set

        when: 'the right branch goes down to its base'
        def downRight = project.run('downgrade', 'right@base')

        then:
        downRight.exitCode == 0
        downRight.lines().size() == 2
        project.run('current').lines() == []
        rows() == []
        tables().isEmpty()

        when: 'a new revision on a revision that is not a head'
        def splice = project.run('revision', '-m', 'middle', '--head', 'a1a1', '--rev-id', 'd4d4d4d4d4d4')

        then: 'it needs --splice, as in Alembic'
        splice.exitCode == 1
        splice.err.contains('Revision a1a1a1a1a1a1 is not a head revision')
        splice.err.contains('--splice')
        project.run('revision', '-m', 'middle', '--head', 'a1a1', '--splice', '--rev-id', 'd4d4d4d4d4d4').exitCode == 0
        project.run('branches').lines() == ['a1a1a1a1a1a1 (left) (branchpoint)',
                                  '             -> a2a2a2a2a2a2 (left)',
                                  '             -> d4d4d4d4d4d4 (left) (head)', '']
    }
}
