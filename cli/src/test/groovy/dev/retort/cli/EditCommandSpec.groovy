package dev.retort.cli

import dev.retort.graph.BranchyProject
import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.lang.TempDir

/** {@code retort edit REV}: opens the revision's file in $VISUAL or $EDITOR; here the "editor" records what it was given. */
class EditCommandSpec extends Specification {
    @TempDir Path tmp
    TempProject project
    Path editor
    Path opened

    def setup() {
        project = new TempProject(tmp.resolve('project'))
        BranchyProject.write(project)
        opened = tmp.resolve('opened.txt')
        editor = tmp.resolve('record-editor.sh')
        Files.writeString(editor, "#!/bin/sh\nprintf '%s\\n' \"\$@\" >> '${opened}'\n")
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString('rwxr-xr-x'))
    }

    CliRun edit(Map<String, String> env, String... args) { CliRun.of(['-c', project.ini.toString(), 'edit'] + (args as List), env) }

    List<String> openedFiles() { Files.exists(opened) ? opened.readLines() : [] }

    String fileOf(String name) { project.versions.resolve(name + '.groovy').toString() }

    def "edit #rev opens the file of the revision it names in EDITOR"() {
        given:
        project.run('upgrade', '3000cccc0001')

        when:
        def run = edit([EDITOR: editor.toString()], rev)

        then:
        run.exitCode == 0
        openedFiles() == [fileOf(file)]

        where:
        rev            | file
        '4000dddd0001' | 'd'
        '2000bb'       | 'b'
        'billing'      | 'b'
        'audit@head'   | 'f'
        'current'      | 'c'
    }

    def "VISUAL wins over EDITOR, and an editor given with options runs with them"() {
        when:
        def run = edit([VISUAL: "${editor} --wait".toString(), EDITOR: '/bin/false'], '1000')

        then:
        run.exitCode == 0
        openedFiles() == ['--wait', fileOf('a')]
    }

    def "#rev names several revisions: a clear error, and no editor starts"() {
        when:
        def run = edit([EDITOR: editor.toString()], rev)

        then:
        run.exitCode == 1
        run.err.contains(message)
        !run.err.contains('\tat ')
        openedFiles() == []

        where:
        rev           | message
        '5000eeee000' | "Multiple revisions start with '5000eeee000': 5000eeee0001, 5000eeee0002; type more characters"
        'head'        | "Multiple head revisions are present for given argument 'head' (4000dddd0001, 5000eeee0002)"
        'heads'       | "'heads' names 2 revisions (4000dddd0001, 5000eeee0002); edit opens one file, so name one of them"
    }

    def "without VISUAL or EDITOR it says how to set one"() {
        when:
        def run = edit([:], '1000')

        then:
        run.exitCode == 1
        run.err.trim() == "error: no editor to open the revision with: neither VISUAL nor EDITOR is set; set one, e.g. EDITOR=vim " +
                "retort edit 1000, or run 'retort show 1000' to see which file it is"
    }

    def "current on a database at base names no revision"() {
        when:
        def run = edit([EDITOR: editor.toString()], 'current')

        then:
        run.exitCode == 1
        run.err.contains("'current' names no revision: the database is at base")
        openedFiles() == []
    }

    def "an editor that fails is reported with its exit code"() {
        when:
        def run = edit([EDITOR: 'false'], '1000')

        then:
        run.exitCode == 1
        run.err.contains('the editor (false) exited with code 1 while editing ' + fileOf('a'))
    }
}
