package dev.retort.fleet

import dev.retort.testing.TestDatabases
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/** 40 tenant schemas in one PostgreSQL database, 10 revisions: the fleet commands end to end. */
@Requires({ TestDatabases.hasPostgres() })
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FleetOnPostgresSpec extends Specification {
    static final List<String> ALL_REVISIONS = (1..FleetProject.REVISIONS).collect { FleetProject.rev(it) }
    static final String HEAD = FleetProject.rev(FleetProject.REVISIONS)

    @TempDir Path tmp
    FleetProject fleet

    def cleanup() { fleet?.drop() }

    def "fleet upgrade --parallel 4 brings 40 tenant schemas to head, each revision once in each, and status --json lists them all at head"() {
        given:
        fleet = new FleetProject(tmp, 'fleet_forty', 40)

        when:
        def run = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '4')

        then: 'one outcome line per tenant and a summary; exit 0'
        run.exitCode == 0
        FleetProject.outcomes(run.out) == fleet.tenants.collectEntries { [it, 'applied 10'] }
        run.out.readLines().last() ==~ /40 targets: 40 upgraded, 0 already at head, 0 failed, 0 locked, 0 skipped; 400 revisions applied in [\d.]+s/

        and: 'every schema holds its own version row and history: the ten revisions, once each, in order'
        fleet.versions().values().every { it == [HEAD] }
        fleet.upgrades().values().every { it == ALL_REVISIONS }

        when: 'status reads every tenant'
        def status = fleet.run('fleet', 'status', '--targets', fleet.targets.toString(), '--json', '--parallel', '4')
        def json = new JsonSlurper().parseText(status.out)

        then:
        status.exitCode == 0
        json.heads == [HEAD]
        json.summary == [targets: 40, at_head: 40, behind: 0, unknown: 0]
        json.targets*.name == fleet.tenants
        json.targets.every { it.state == 'at head' && it.current == [HEAD] && it.pending == 0 && it.error == null }
        json.targets.every { it.url.endsWith("currentSchema=$it.name") }

        when: 'a second upgrade finds nothing to do'
        def again = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '4')

        then:
        again.exitCode == 0
        FleetProject.outcomes(again.out).values().toSet() == ['already at head'] as Set
        fleet.upgrades().values().every { it == ALL_REVISIONS }
    }

    def "a tenant that fails at revision 3 fails alone, named with its error; the other 39 reach head and the exit code is 1"() {
        given: 'fleet_t17 already has a table that revision 3 creates'
        fleet = new FleetProject(tmp, 'fleet_fails', 40)
        fleet.execute(['CREATE TABLE fleet_t17.t_3 (x integer)'])

        when:
        def run = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '4')
        def outcomes = FleetProject.outcomes(run.out)

        then:
        run.exitCode == 1
        outcomes.findAll { it.key != 'fleet_t17' }.values().toSet() == ['applied 10'] as Set
        outcomes['fleet_t17'].startsWith("failed at ${FleetProject.rev(3)}: revision ${FleetProject.rev(3)} failed at statement 1")
        outcomes['fleet_t17'].contains('relation "t_3" already exists')
        run.out.readLines().last().startsWith('40 targets: 39 upgraded, 0 already at head, 1 failed, 0 locked, 0 skipped; 390 revisions applied')

        and: 'the failed tenant rolled back to where it was (base); the others are at head'
        fleet.versions().findAll { it.key != 'fleet_t17' }.values().every { it == [HEAD] }
        fleet.versions()['fleet_t17'] == []
        fleet.column("SELECT revision FROM fleet_t17.retort_history WHERE NOT success") == [FleetProject.rev(3)]

        when: 'status shows it behind'
        def status = new JsonSlurper().parseText(fleet.run('fleet', 'status', '--targets', fleet.targets.toString(), '--json').out)

        then:
        status.summary == [targets: 40, at_head: 39, behind: 1, unknown: 0]
        status.targets.find { it.name == 'fleet_t17' }.with { state == 'behind' && current == [] && pending == 10 }
    }

    def "two launchers started at once with JOB_COMPLETION_INDEX 0 and 1 of JOB_COMPLETIONS 2 cover every tenant exactly once"() {
        given:
        fleet = new FleetProject(tmp, 'fleet_shards', 40)

        when: 'two separate launcher processes, as two pods of an Indexed Job'
        List<Path> outputs = [tmp.resolve('shard-0.out'), tmp.resolve('shard-1.out')]
        List<Process> launchers = (0..1).collect { i ->
            fleet.launch(outputs[i], [JOB_COMPLETION_INDEX: "$i".toString(), JOB_COMPLETIONS: '2'],
                    'fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '2')
        }
        List<Boolean> ended = launchers.collect { it.waitFor(600, TimeUnit.SECONDS) }
        List<String> printed = outputs.collect { Files.readString(it) }
        List<List<String>> names = printed.collect { out -> out.readLines().findAll { it ==~ /^fleet_t\d+: applied 10$/ }.collect { it.split(':')[0] } }

        then: 'both succeed, each naming its share'
        ended.every()
        launchers*.exitValue() == [0, 0]
        (0..1).every { i -> printed[i].contains("Shard $i/2: ${names[i].size()} of 40 targets") }

        and: 'the shares are disjoint and together are the whole fleet'
        names.every { !it.isEmpty() }
        names[0].intersect(names[1]).isEmpty()
        (names[0] + names[1]).sort() == fleet.tenants

        and: 'each tenant ran each revision exactly once'
        fleet.versions().values().every { it == [HEAD] }
        fleet.upgrades().values().every { it == ALL_REVISIONS }
    }

    def "a launcher killed with SIGKILL mid-run, then run again, finishes the fleet with nothing applied twice"() {
        given: 'revision 5 takes a moment, so tenants are caught in the middle'
        fleet = new FleetProject(tmp, 'fleet_killed', 40, [:], 5, 300)

        when: 'the launcher has finished some tenants and is inside others'
        Path out = tmp.resolve('killed.out')
        Process killed = fleet.launch(out, [:], 'fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '4')
        long deadline = System.currentTimeMillis() + 300_000
        while (killed.alive && FleetProject.outcomes(Files.readString(out)).size() < 8 && System.currentTimeMillis() < deadline) Thread.sleep(50)
        killed.destroyForcibly()
        killed.waitFor(30, TimeUnit.SECONDS)
        def finishedBeforeKill = FleetProject.outcomes(Files.readString(out)).keySet()

        then: 'it was killed part way'
        killed.exitValue() == 137
        finishedBeforeKill.size() >= 8
        finishedBeforeKill.size() < 40

        when: 'the fleet runs again'
        def rerun = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '4')
        def outcomes = FleetProject.outcomes(rerun.out)

        then: 'the killed tenants rolled back and run from base; the finished ones are left alone; no lock was left behind'
        rerun.exitCode == 0
        !rerun.out.contains('Waiting for the migration lock')
        outcomes.keySet() == fleet.tenants as Set
        outcomes.values().every { it in ['applied 10', 'already at head'] }
        finishedBeforeKill.every { outcomes[it] == 'already at head' }
        outcomes.count { it.value == 'applied 10' } >= 1

        and: 'every tenant holds each revision once: in its version table and in its history'
        fleet.versions().values().every { it == [HEAD] }
        fleet.upgrades().values().every { it == ALL_REVISIONS }
        fleet.column("SELECT count(*) FROM information_schema.tables WHERE table_name = 't_5'") == ['40']
    }
}
