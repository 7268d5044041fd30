package dev.retort.fleet

import dev.retort.api.FleetResult
import dev.retort.api.FleetState
import dev.retort.api.FleetTarget
import dev.retort.api.Retort
import dev.retort.internal.command.Project
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.db.Database
import dev.retort.internal.db.MigrationLock
import dev.retort.internal.fleet.FleetUpgrade
import dev.retort.internal.fleet.TargetsFile
import dev.retort.internal.script.GroovyRevisionCompiler
import dev.retort.internal.script.LoadedRevision
import dev.retort.internal.script.RevisionCompiler
import dev.retort.internal.script.RevisionLoader
import dev.retort.internal.script.RevisionSource
import dev.retort.internal.script.ScriptCompileCache
import dev.retort.internal.script.ScriptLanguage
import dev.retort.testing.TestDatabases
import groovy.json.JsonSlurper
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import org.postgresql.ds.PGSimpleDataSource
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/** Canary, fail-fast, a held lock, compiling once, masked passwords and the Java API, on six PostgreSQL tenant schemas. */
@Requires({ TestDatabases.hasPostgres() })
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FleetControlsSpec extends Specification {
    static final String HEAD = FleetProject.rev(FleetProject.REVISIONS)

    @TempDir Path tmp
    FleetProject fleet

    def setup() { fleet = new FleetProject(tmp, 'fleet_controls', 6) }

    def cleanup() { fleet?.drop() }

    private void poison(String tenant) { fleet.execute(["CREATE TABLE ${tenant}.t_3 (x integer)" as String]) }

    def "a failing canary stops the fleet: the targets after the canary group are skipped, not run"() {
        given:
        poison('fleet_t01')

        when:
        def run = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--canary', '2', '--parallel', '2')
        def outcomes = FleetProject.outcomes(run.out)

        then:
        run.exitCode == 1
        outcomes['fleet_t01'].startsWith("failed at ${FleetProject.rev(3)}: ")
        outcomes['fleet_t02'] == 'applied 10'
        (3..6).every { outcomes["fleet_t0$it".toString()] == 'skipped: not run: canary fleet_t01 did not reach head' }
        run.out.readLines().last().startsWith('6 targets: 1 upgraded, 0 already at head, 1 failed, 0 locked, 4 skipped;')
        (3..6).every { !fleet.hasVersionTable("fleet_t0$it") }
    }

    def "with healthy canaries the rest of the fleet runs"() {
        when:
        def run = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--canary', '1', '--parallel', '3')

        then:
        run.exitCode == 0
        FleetProject.outcomes(run.out).values().toSet() == ['applied 10'] as Set
    }

    def "--fail-fast starts no further target once one fails; without it the others all run"() {
        given:
        poison('fleet_t02')

        when:
        def fast = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--fail-fast')
        def outcomes = FleetProject.outcomes(fast.out)

        then:
        fast.exitCode == 1
        outcomes['fleet_t01'] == 'applied 10'
        outcomes['fleet_t02'].startsWith("failed at ${FleetProject.rev(3)}: ")
        (3..6).every { outcomes["fleet_t0$it".toString()] == 'skipped: not run: --fail-fast stopped the fleet after fleet_t02 did not reach head' }

        when:
        def all = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString())
        outcomes = FleetProject.outcomes(all.out)

        then:
        all.exitCode == 1
        outcomes['fleet_t01'] == 'already at head'
        outcomes['fleet_t02'].startsWith("failed at ${FleetProject.rev(3)}: ")
        (3..6).every { outcomes["fleet_t0$it".toString()] == 'applied 10' }
    }

    def "a tenant whose lock another session holds is reported locked by that session; the others go on"() {
        given: 'another launcher holds fleet_t03'
        def db = Database.connect(fleet.schemaUrl('fleet_t03'), null, null, [:])
        def held = MigrationLock.forDatabase(db, 'retort_version')
        held.acquire(Duration.ofSeconds(5), {})

        when:
        def run = fleet.run('-x', 'lock_timeout=1s', 'fleet', 'upgrade', 'head', '--targets', fleet.targets.toString(), '--parallel', '3')
        def outcomes = FleetProject.outcomes(run.out)

        then:
        run.exitCode == 1
        outcomes['fleet_t03'].startsWith('locked by PostgreSQL backend pid ')
        outcomes.findAll { it.key != 'fleet_t03' }.values().toSet() == ['applied 10'] as Set
        run.out.contains('fleet_t03: Waiting for the migration lock')
        run.out.readLines().last().startsWith('6 targets: 5 upgraded, 0 already at head, 0 failed, 1 locked, 0 skipped;')

        cleanup:
        held?.close()
        db?.close()
    }

    /** Counts the revisions a compiler is asked to load, across threads. */
    static final class CountingCompiler implements RevisionCompiler {
        final RevisionCompiler inner
        final Map<String, Integer> loads = new ConcurrentHashMap<>()
        CountingCompiler(RevisionCompiler inner) { this.inner = inner }
        ScriptLanguage language() { inner.language() }
        LoadedRevision load(RevisionSource source) { loadAll([source])[0] }
        List<LoadedRevision> loadAll(List<RevisionSource> sources) {
            sources.each { loads.merge(it.revision().id(), 1, Integer::sum) }
            inner.loadAll(sources)
        }
        List<RevisionCompiler.CompiledRevision> compileAll(List<RevisionSource> sources) { inner.compileAll(sources) }
    }

    def "revisions compile once per run, not once per target"() {
        given:
        def config = ConfigLoader.load(fleet.ini, null, [:], [:], [:])
        def compiler = new CountingCompiler(new GroovyRevisionCompiler(new ScriptCompileCache(tmp.resolve('cache'))))
        def project = Project.open(config, new RevisionLoader([compiler]))
        def targets = TargetsFile.read(fleet.targets, config.fleetUrl(), config.origin('fleet_url'))
        def results = new CopyOnWriteArrayList()

        when:
        def run = new FleetUpgrade(project, { t -> Database.connect(t.url(), null, null, [:]) }, new FleetUpgrade.Options(4, 0, false),
                { t, line -> }, { results << it })
        def out = run.run('head', targets)

        then:
        out*.outcome*.name() == ['APPLIED'] * 6
        results.size() == 6
        compiler.loads == (1..FleetProject.REVISIONS).collectEntries { [FleetProject.rev(it), 1] }
    }

    def "passwords in target URLs are masked in every line and in --json"() {
        given: 'a password in fleet_url (the local server trusts, so it is not checked) and a target that cannot connect'
        fleet.ini.text = fleet.ini.text.replace('&currentSchema={name}', '&password=s3cret-fleet&currentSchema={name}')
        fleet.targets.text = 'fleet_t01\nnowhere jdbc:postgresql://127.0.0.1:1/none?user=u&password=s3cret-other\n'

        when:
        def text = fleet.run('fleet', 'upgrade', 'head', '--targets', fleet.targets.toString())
        def json = fleet.run('fleet', 'status', '--targets', fleet.targets.toString(), '--json')

        then:
        text.exitCode == 1
        FleetProject.outcomes(text.out)['fleet_t01'] == 'applied 10'
        text.out.contains('nowhere: failed: cannot connect to jdbc:postgresql://127.0.0.1:1/none?user=u&password=***')
        new JsonSlurper().parseText(json.out).targets*.url == [fleet.schemaUrl('fleet_t01').replace('&currentSchema', '&password=***&currentSchema'),
                                                              'jdbc:postgresql://127.0.0.1:1/none?user=u&password=***']
        [text.out, text.err, json.out, json.err].every { !it.contains('s3cret') }
    }

    def "the Java API rolls out to URL and DataSource targets and reports a record per target"() {
        given:
        poison('fleet_t04')
        def ds = new PGSimpleDataSource()
        ds.setUrl(fleet.schemaUrl('fleet_t02'))
        List<String> progress = new CopyOnWriteArrayList<>()
        def retort = Retort.configure().configFile(fleet.ini).progress(progress.&add).load()

        when: 'the targets file, two at a time'
        List<FleetResult> streamed = new CopyOnWriteArrayList<>()
        List<FleetResult> results = retort.fleet(fleet.targets).parallel(2).onResult(streamed.&add).upgrade('head')

        then:
        results*.name() == fleet.tenants
        results.findAll { it.name() != 'fleet_t04' }.every { it.outcome() == FleetResult.Outcome.APPLIED && it.applied() == 10 && it.current() == [HEAD] && it.reachedTarget() }
        results.find { it.name() == 'fleet_t04' }.with {
            outcome() == FleetResult.Outcome.FAILED && revision() == FleetProject.rev(3) && applied() == 0 && current() == [] &&
                    error().contains('relation "t_3" already exists') && !reachedTarget()
        }
        streamed*.name() as Set == fleet.tenants as Set
        progress.any { it.startsWith('fleet_t01: Running upgrade  -> ' + FleetProject.rev(1)) }

        when: 'status over a URL target and a DataSource target'
        List<FleetState> states = retort.fleet([FleetTarget.of('fleet_t01', fleet.schemaUrl('fleet_t01')), FleetTarget.of('fleet_t02', ds),
                                                FleetTarget.of('fleet_t04', fleet.schemaUrl('fleet_t04'))]).status()

        then:
        states*.state() == [FleetState.State.AT_HEAD, FleetState.State.AT_HEAD, FleetState.State.BEHIND]
        states*.url() == [fleet.schemaUrl('fleet_t01'), null, fleet.schemaUrl('fleet_t04')]
        states[2].pending() == 10

        cleanup:
        retort?.close()
    }
}
