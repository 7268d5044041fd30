package dev.retort.cli

import dev.retort.testing.CliRun
import spock.lang.Specification

/**
 * A command line that names a subcommand registers only that one with picocli (reading every command's annotations cost
 * about a third of a second per launch); everything else, and every usage message of the root, still sees them all.
 */
class CommandRegistrationSpec extends Specification {

    def "the subcommand is the first argument that is neither a global option nor an option's value"() {
        expect:
        RetortCli.commandNamed(args as String[]) == named

        where:
        args                                                                         || named
        ['heads']                                                                    || 'heads'
        ['-q', 'history', '-v']                                                      || 'history'
        ['-c', 'heads', 'history']                                                   || 'history'
        ['--config', 'heads', 'current']                                             || 'current'
        ['--config=x.ini', 'current']                                                || 'current'
        ['-cx.ini', 'heads']                                                         || 'heads'
        ['-qc', 'heads', 'upgrade', 'head']                                          || 'upgrade'
        ['-x', 'a=b', '-n', 'prod', 'stamp', 'head']                                 || 'stamp'
        ['--url', 'jdbc:h2:mem:x', '--user', 'sa', '--password', 'heads', 'graph']  || 'graph'
        ['list-templates']                                                           || 'list-templates'
        ['help', 'heads']                                                            || 'help'
        ['hedas']                                                                    || null
        ['--', 'heads']                                                              || null
        ['-q']                                                                       || null
        []                                                                           || null
    }

    def "every command is registered under the name its annotation gives"() {
        expect:
        RetortCli.COMMANDS.size() == 24
        RetortCli.COMMANDS.every { name, type -> type.getAnnotation(picocli.CommandLine.Command).name() == name }
    }

    def "the usage lists every command, with or without a command named, and a mistyped one is still suggested"() {
        when:
        def bare = CliRun.of([])
        def globalMistake = CliRun.of(['-q', '-q', 'heads'])
        def typo = CliRun.of(['hedas'])

        then:
        bare.exitCode == 2
        listed(bare.out) == RetortCli.COMMANDS.keySet() as List
        globalMistake.exitCode == 2
        globalMistake.err.contains("option '--quiet' should be specified only once")
        listed(globalMistake.err) == RetortCli.COMMANDS.keySet() as List
        typo.exitCode == 2
        typo.err.contains('Did you mean: retort edit')
    }

    def "a named command keeps its own usage, options and the inherited ones"() {
        when:
        def help = CliRun.of(['help', 'heads'])
        def own = CliRun.of(['heads', '--help'])
        def wrong = CliRun.of(['heads', '--bogus'])

        then:
        help.exitCode == 0
        help.out.startsWith('Usage: retort heads')
        own.out == help.out
        help.out.contains('--resolve-dependencies')
        help.out.contains('--json')
        wrong.exitCode == 2
        wrong.err.contains("Unknown option: '--bogus'")
        wrong.err.contains('Usage: retort heads')
    }

    /** The command names of a usage message's "Commands:" part, in order. */
    private static List<String> listed(String usage) {
        usage.substring(usage.indexOf('Commands:')).readLines().drop(1).findAll { it ==~ /^  \S.*/ }.collect { it.trim().split(/\s+/)[0] }
    }
}
