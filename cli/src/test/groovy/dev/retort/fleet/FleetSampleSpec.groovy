package dev.retort.fleet

import dev.retort.testing.CliRun
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import org.yaml.snakeyaml.Yaml
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * samples/fleet: the Kubernetes Indexed Job and the image it runs. No container engine here, so the manifest and the
 * Dockerfile are checked as files, and the Job's pods are played by launchers given each pod's JOB_COMPLETION_INDEX.
 */
class FleetSampleSpec extends Specification {
    static final Path ROOT = Path.of(System.getProperty('basedir', '.')).resolve('..').normalize()
    static final Path SAMPLE = ROOT.resolve('samples/fleet')
    @TempDir Path tmp

    static List<Map> manifests() { new Yaml().loadAll(Files.readString(SAMPLE.resolve('job.yaml'))).toList() }
    static Map job() { manifests().find { it.kind == 'Job' } }
    static Map container() { job().spec.template.spec.containers[0] }
    static String env(String name) { container().env.find { it.name == name }?.value }
    static List<String> sampleTenants() { Files.readAllLines(SAMPLE.resolve('targets.txt')).findAll { it && !it.startsWith('#') } }

    def "job.yaml is an Indexed Job whose pods are told how many shards there are"() {
        given:
        Map job = job()

        expect:
        job.apiVersion == 'batch/v1'
        job.spec.completionMode == 'Indexed'
        job.spec.completions instanceof Integer && job.spec.completions > 1
        job.spec.parallelism instanceof Integer && 1 <= job.spec.parallelism && job.spec.parallelism <= job.spec.completions
        job.spec.template.spec.restartPolicy == 'Never'
        env('JOB_COMPLETIONS') == job.spec.completions.toString()
        container().env.find { it.name == 'RETORT_PASSWORD' }.valueFrom.secretKeyRef.name == 'retort-fleet-db'
        container().args.take(3) == ['fleet', 'upgrade', 'head']
    }

    def "the targets file the pods read is the ConfigMap's, mounted where --targets points, listing the sample's tenants"() {
        given:
        List<String> args = container().args
        String targets = args[args.indexOf('--targets') + 1]
        Map mount = container().volumeMounts.find { targets.startsWith(it.mountPath + '/') }
        Map volume = job().spec.template.spec.volumes.find { it.name == mount?.name }
        Map configMap = manifests().find { it.kind == 'ConfigMap' && it.metadata.name == volume?.configMap?.name }
        String key = targets.substring(mount.mountPath.length() + 1)

        expect:
        mount != null && configMap != null
        configMap.data[key].readLines().findAll { it } == sampleTenants()
    }

    def "the Dockerfile unpacks this version's distribution archive, copies the project and runs bin/retort"() {
        given:
        String docker = Files.readString(SAMPLE.resolve('Dockerfile'))
        String version = (Files.readString(ROOT.resolve('cli/pom.xml')) =~ /<parent>.*?<version>([^<]+)<\/version>/)[0][1]

        expect:
        docker =~ /(?m)^FROM eclipse-temurin:17-jre$/
        docker.contains("ARG RETORT_VERSION=$version")
        docker.contains('ADD retort-${RETORT_VERSION}.tar.gz /opt/')
        docker.contains('RUN ln -s /opt/retort-${RETORT_VERSION} /opt/retort')
        docker.contains('ENV PATH=/opt/retort/bin:$PATH')
        docker.contains('ENTRYPOINT ["retort", "-c", "/app/retort.ini"]')
        docker.contains("docker build -t ${container().image} samples/fleet")
        ['retort.ini', 'targets.txt', 'versions'].every { docker.contains(it) && Files.exists(SAMPLE.resolve(it)) }
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "the Job's pods, played by one launcher per JOB_COMPLETION_INDEX, upgrade every tenant of the sample exactly once"() {
        given: 'the sample database with one schema per tenant, reached through the environment as in the pod'
        String dbUrl = TestDatabases.freshPostgres('fleet_sample')
        def c = DriverManager.getConnection(dbUrl)
        try { sampleTenants().each { t -> c.createStatement().withCloseable { it.execute("CREATE SCHEMA $t") } } } finally { c.close() }
        int pods = job().spec.completions
        List<String> args = container().args.collect { it.startsWith('/etc/retort-fleet/') ? SAMPLE.resolve('targets.txt').toString() : it }
        Map<String, String> podEnv = [PGHOST: '127.0.0.1', PGDATABASE: 'fleet_sample', PGUSER: 'postgres', RETORT_PASSWORD: 'unused',
                                      JOB_COMPLETIONS: env('JOB_COMPLETIONS'), RETORT_CACHE_DIR: tmp.resolve('cache').toString()]

        when:
        List<CliRun> runs = (0..<pods).collect { i ->
            CliRun.of(['-c', SAMPLE.resolve('retort.ini').toString()] + args, podEnv + [JOB_COMPLETION_INDEX: "$i".toString()])
        }
        List<String> upgraded = runs.collectMany { r -> r.out.readLines().findAll { it ==~ /^\w+: applied 2$/ }.collect { it.split(':')[0] } }

        then:
        runs*.exitCode == [0] * pods
        runs.every { it.err.isEmpty() }
        upgraded.sort() == sampleTenants().sort()
        sampleTenants().every { t -> versionOf(dbUrl, t) == ['5a1e00000002'] }

        cleanup:
        def admin = DriverManager.getConnection(TestDatabases.postgresServer())
        try { admin.createStatement().withCloseable { it.execute('DROP DATABASE IF EXISTS fleet_sample WITH (FORCE)') } } finally { admin.close() }
    }

    private static List<String> versionOf(String dbUrl, String tenant) {
        def c = DriverManager.getConnection(dbUrl)
        try {
            def rs = c.createStatement().executeQuery("SELECT version_num FROM ${tenant}.retort_version")
            List<String> out = []
            while (rs.next()) out << rs.getString(1)
            return out
        } finally { c.close() }
    }
}
