package dev.retort.test

import dev.retort.api.RetortException
import java.nio.file.Path
import org.opentest4j.AssertionFailedError
import spock.lang.Specification

/** The plain API as a Spock suite uses it: RetortChecks.forProject(…).run(), and assertPassed() with the details. */
class RetortChecksSpec extends Specification {
    static final Path PROJECTS = Path.of('src/test/projects')

    def "a clean project passes every check that applies to it"() {
        when:
        def report = RetortChecks.forProject(PROJECTS.resolve('clean')).run()

        then:
        report.passed()
        report.text().readLines() == ['PASS single-head (head b2b2b2b2b2b2)',
                                      'PASS upgrade (base -> b2b2b2b2b2b2, 2 revisions)',
                                      'PASS stairway (2 revisions)',
                                      'PASS no-trace (2 revisions)',
                                      'PASS data (2 blocks of retort-test.groovy)']

        when:
        report.assertPassed()

        then:
        noExceptionThrown()
    }

    def "assertPassed throws an AssertionError carrying each failure and its details"() {
        given:
        def report = RetortChecks.forProject(PROJECTS.resolve('leaky/retort.ini')).only('single-head', 'no-trace').run()

        when:
        report.assertPassed()

        then:
        AssertionError e = thrown()
        e.message.readLines() == ['retort test: 1 of 2 checks failed',
                                  'FAIL no-trace: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2_add_email.groovy) left index ix_clientes_nome on clientes',
                                  '    downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2_add_email.groovy):',
                                  '      left index ix_clientes_nome on clientes (nome)']
        report.check('no-trace').get().revision() == 'b2b2b2b2b2b2'
    }

    def "dynamic tests are one per check, and a failing check's test throws its line and details"() {
        when:
        def tests = RetortChecks.forProject(PROJECTS.resolve('leaky')).only('single-head', 'no-trace').dynamicTests().toList()

        then:
        tests*.displayName == ['single-head', 'no-trace']

        when:
        tests[0].executable.execute()

        then:
        noExceptionThrown()

        when:
        tests[1].executable.execute()

        then:
        AssertionFailedError e = thrown()
        e.message.startsWith('FAIL no-trace: downgrade of b2b2b2b2b2b2 ')
        e.message.endsWith('\n      left index ix_clientes_nome on clientes (nome)')
    }

    def "scratch(url) makes the databases where that URL says, keeping H2's compatibility mode"() {
        expect:
        RetortChecks.forProject(PROJECTS.resolve('clean')).only('stairway').scratch('jdbc:h2:mem:ignored;MODE=PostgreSQL').run().passed()
    }

    def "an unknown check name is a configuration error naming the known ones"() {
        when:
        RetortChecks.forProject(PROJECTS.resolve('clean')).only('stairs').run()

        then:
        RetortException.ConfigurationError e = thrown()
        e.message == "'stairs' is not a check of retort test; the checks are single-head, upgrade, stairway, no-trace, model, data"
    }
}
