package dev.retort.fleet

import dev.retort.internal.fleet.FleetTarget
import dev.retort.internal.fleet.Shard
import dev.retort.internal.fleet.TargetsFile
import dev.retort.testing.CliRun
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** The targets file, fleet_url and shards: what a launcher reads before it connects to anything. */
class FleetTargetsSpec extends Specification {
    @TempDir Path tmp

    private Path project(String fleetUrl = 'jdbc:postgresql://h/app?currentSchema={name}') {
        tmp.resolve('versions').toFile().mkdirs()
        Path ini = tmp.resolve('retort.ini')
        ini.text = "[retort]\nversion_locations = versions\nurl = jdbc:h2:mem:fleet\n" + (fleetUrl ? "fleet_url = $fleetUrl\n" : '')
        return ini
    }

    private Path targets(String text) {
        Path file = tmp.resolve('targets.txt')
        file.text = text.stripIndent()
        return file
    }

    def "names alone go through fleet_url; full lines keep their URL; comments and blank lines are skipped"() {
        given:
        Path file = targets('''\
            # tenants
            acme
               
            globex   jdbc:mariadb://db2/globex?user=app   # moved to its own server
            initech jdbc:sqlite:/data/initech#1.db
            ''')

        expect:
        TargetsFile.read(file, 'jdbc:postgresql://h/app?currentSchema={name}', 'retort.ini:3 [retort]') == [
                new FleetTarget('acme', 'jdbc:postgresql://h/app?currentSchema=acme', "$file:2"),
                new FleetTarget('globex', 'jdbc:mariadb://db2/globex?user=app', "$file:4"),
                new FleetTarget('initech', 'jdbc:sqlite:/data/initech#1.db', "$file:5"),
        ]
    }

    def "a bad line fails the command with file:line, why and what to do; exit 1 and no stack trace"() {
        given:
        Path ini = project(fleetUrl)
        Path file = targets(text)

        when:
        def run = CliRun.of(['-c', ini.toString(), 'fleet', 'upgrade', 'head', '--targets', file.toString()])

        then:
        run.exitCode == 1
        run.err.startsWith("error: $file:$line: ")
        run.err.contains(why.replace('{file}', file.toString()))
        !run.err.contains('Exception')
        !run.err.contains('s3cret')

        where:
        fleetUrl                                | text                                               | line | why
        'jdbc:postgresql://h/app?currentSchema={name}' | 'acme\nb@d\n'                              | 2    | "'b@d' is not a target name"
        'jdbc:postgresql://h/app?currentSchema={name}' | '# x\nacme jdbc:h2:mem:a extra\n'           | 2    | 'a line holds a name and at most one JDBC URL'
        'jdbc:postgresql://h/app?currentSchema={name}' | 'acme postgres://h/app?password=s3cret\n'   | 1    | 'the second field is not a JDBC URL'
        'jdbc:postgresql://h/app?currentSchema={name}' | 'acme\nglobex\n\nacme\n'                    | 4    | "target 'acme' is already listed at {file}:1"
        null                                    | '\n\nacme\n'                                       | 3    | 'without a URL, and fleet_url is not set'
    }

    def "fleet_url without {name} is refused, naming where it is set"() {
        given:
        Path ini = project('jdbc:postgresql://h/app?password=s3cret')

        when:
        def run = CliRun.of(['-c', ini.toString(), 'fleet', 'status', '--targets', targets('acme\n').toString()])

        then:
        run.exitCode == 1
        run.err.contains("$ini:4 [retort]: fleet_url = jdbc:postgresql://h/app?password=*** has no {name}")
        !run.err.contains('s3cret')
    }

    def "a missing targets file is named"() {
        when:
        def run = CliRun.of(['-c', project().toString(), 'fleet', 'upgrade', '--targets', tmp.resolve('nope.txt').toString()])

        then:
        run.exitCode == 1
        run.err.contains("the targets file ${tmp.resolve('nope.txt')} does not exist")
    }

    def "bad usage exits 2: #args"() {
        when:
        def run = CliRun.of(['-c', project().toString(), 'fleet', 'upgrade', '--targets', targets('acme\n').toString()] + args, env)

        then:
        run.exitCode == 2
        run.err.contains(message)

        where:
        args                     | env                                          | message
        ['--shard', '2/2']       | [:]                                          | 'shard index 2 is outside 0..1'
        ['--shard', 'half']      | [:]                                          | '--shard half is not i/n'
        ['--parallel', '0']      | [:]                                          | '--parallel must be 1 or more'
        ['--canary', '-1']       | [:]                                          | '--canary must be 0 or more'
        []                       | [JOB_COMPLETION_INDEX: '1']                  | 'JOB_COMPLETION_INDEX is set but JOB_COMPLETIONS is not'
        []                       | [JOB_COMPLETION_INDEX: '3', JOB_COMPLETIONS: '3'] | 'shard index 3 is outside 0..2'
    }

    def "fleet with no subcommand prints its usage and exits 2"() {
        when:
        def run = CliRun.of(['-c', project().toString(), 'fleet'])

        then:
        run.exitCode == 2
        run.out.contains('upgrade') && run.out.contains('status')
    }

    def "shards split a fleet into disjoint shares that cover it, and a target keeps its shard when the list is reordered or grows"() {
        given:
        List<FleetTarget> fleet = (1..200).collect { new FleetTarget("tenant-$it", "jdbc:h2:mem:$it", "t:$it") }
        List<FleetTarget> reordered = fleet.reverse() + (201..260).collect { new FleetTarget("tenant-$it", "jdbc:h2:mem:$it", "t:$it") }

        when:
        List<List<String>> shares = (0..<4).collect { i -> new Shard(i, 4).select(fleet)*.name() }
        List<List<String>> later = (0..<4).collect { i -> new Shard(i, 4).select(reordered)*.name() }

        then:
        shares.flatten().sort() == fleet*.name().sort()
        shares.flatten().size() == 200
        shares.every { it.size() > 20 }
        (0..<4).every { i -> later[i].containsAll(shares[i]) }
        Shard.parse(' 1 / 4 ') == new Shard(1, 4)
        Shard.fromEnvironment([JOB_COMPLETION_INDEX: '2', JOB_COMPLETIONS: '4']) == Optional.of(new Shard(2, 4))
        Shard.fromEnvironment([:]) == Optional.empty()
    }
}
