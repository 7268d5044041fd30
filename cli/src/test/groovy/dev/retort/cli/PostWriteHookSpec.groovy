package dev.retort.cli

import dev.retort.testing.CliRun
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class PostWriteHookSpec extends Specification {
    @TempDir Path p

    private CliRun revision(String hooks) {
        Files.createDirectories(p.resolve('versions'))
        Files.writeString(p.resolve('retort.ini'), "[retort]\nurl = jdbc:h2:mem:hooks\n" + hooks.stripIndent())
        CliRun.of(['-c', p.resolve('retort.ini').toString(), 'revision', '-m', 'hooked', '--rev-id', 'dddd00000001'])
    }

    private Path written() { Files.list(p.resolve('versions')).findFirst().get() }

    def "post-write hooks run a real command on the new file, in the order listed"() {
        given:
        Files.createDirectories(p.resolve('tools'))

        when:
        def r = revision('''
            post_write_hooks = fmt, stamp
            fmt.type = exec
            fmt.executable = sh
            fmt.options = -c 'echo "// formatted" >> "$1"' fmt REVISION_SCRIPT_FILENAME
            stamp.type = exec
            stamp.executable = sh
            stamp.options = -c 'echo "// stamped in $(basename "$(pwd)")" >> "$1"' stamp REVISION_SCRIPT_FILENAME
            stamp.cwd = tools
            ''')

        then: 'the file ends with the lines the hooks appended, the second run in its cwd'
        r.exitCode == 0
        Files.readString(written()).endsWith('// formatted\n// stamped in tools\n')
        r.out.contains("Running post write hook 'fmt' ...")
        r.out.contains("Running post write hook 'stamp' ...")
    }

    def "without the REVISION_SCRIPT_FILENAME token the file name is the first argument, as in Alembic"() {
        given:
        Path copy = p.resolve('copy.groovy')

        when:
        def r = revision("""
            post_write_hooks = keep
            keep.type = exec
            keep.executable = cp
            keep.options = $copy
            """)

        then:
        r.exitCode == 0
        Files.readString(copy) == Files.readString(written())
    }

    def "a failing hook is reported with its output and the file is kept"() {
        when:
        def r = revision('''
            post_write_hooks = lint
            lint.type = exec
            lint.executable = sh
            lint.options = -c 'echo "line 3: bad indent" >&2; exit 3' lint REVISION_SCRIPT_FILENAME
            ''')

        then:
        r.exitCode == 1
        r.err.contains("error: post-write hook 'lint' (sh) failed with exit code 3; the revision file is kept as written: ${written()}")
        r.err.contains('    line 3: bad indent')
        Files.readString(written()).contains("revision 'dddd00000001'")
    }

    def "a hook whose executable cannot be started is reported the same way"() {
        when:
        def r = revision('''
            post_write_hooks = fmt
            fmt.type = exec
            fmt.executable = no-such-formatter-i6
            ''')

        then:
        r.exitCode == 1
        r.err.contains("error: post-write hook 'fmt' (no-such-formatter-i6) failed")
        r.err.contains('cannot start no-such-formatter-i6')
        Files.exists(written())
    }
}
