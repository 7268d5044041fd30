package dev.retort.samples

import dev.retort.test.RetortChecks
import java.nio.file.Path
import spock.lang.Specification

/** The samples' migrations tested from Spock with the test kit's plain API. */
class SampleMigrationsSpec extends Specification {
    static final Path SAMPLES = Path.of(System.getProperty('basedir', '.'))

    def "sample #sample passes the test kit's checks"() {
        when:
        def report = RetortChecks.forProject(SAMPLES.resolve(sample)).run()

        then:
        report.assertPassed()
        report.checks()*.name() == checks

        where:
        sample              | checks
        'clientes'          | ['single-head', 'upgrade', 'stairway', 'no-trace']
        'account'           | ['single-head', 'upgrade', 'stairway', 'no-trace']
        'usuarios-produtos' | ['single-head', 'upgrade', 'stairway', 'no-trace', 'model', 'data']
    }
}
