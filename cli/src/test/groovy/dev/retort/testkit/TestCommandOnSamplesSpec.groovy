package dev.retort.testkit

import dev.retort.testing.CliRun
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification

/** Every sample project under samples/ (each folder with a retort.ini, Kotlin twins included) passes retort test. */
class TestCommandOnSamplesSpec extends Specification {
    static final Path SAMPLES = Path.of(System.getProperty('basedir', '.')).resolve('../samples').normalize()

    static List<String> samples() {
        Files.list(SAMPLES).withCloseable { s ->
            s.filter { Files.isRegularFile(it.resolve('retort.ini')) }.map { it.fileName.toString() }.sorted().toList()
        }
    }

    def "the samples folder holds the projects this spec walks"() {
        expect:
        samples().containsAll(['account', 'account-kotlin', 'clientes', 'clientes-kotlin', 'usuarios-produtos', 'usuarios-produtos-kotlin'])
    }

    def "retort test passes on sample #sample"() {
        when:
        def run = CliRun.of(['-c', SAMPLES.resolve(sample).resolve('retort.ini').toString(), 'test'])

        then:
        run.exitCode == 0
        run.lines().every { it.startsWith('PASS ') }
        run.lines()*.tokenize()*.getAt(1).containsAll(['single-head', 'upgrade', 'stairway', 'no-trace'])
        // A sample with a model is compared with it.
        run.lines().any { it.startsWith('PASS model ') } ==
                (Files.exists(SAMPLES.resolve(sample).resolve('model.groovy')) || Files.exists(SAMPLES.resolve(sample).resolve('model.kts')))

        where:
        sample << samples()
    }
}
