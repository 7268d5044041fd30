package dev.retort.test

import org.junit.platform.engine.discovery.DiscoverySelectors
import org.junit.platform.launcher.TestExecutionListener
import org.junit.platform.launcher.TestIdentifier
import org.junit.platform.engine.TestExecutionResult
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder
import org.junit.platform.launcher.core.LauncherFactory
import spock.lang.Specification

/** @RetortTest run through the JUnit launcher, as Surefire or an IDE runs it: a failing check is a failing test. */
class RetortTestExtensionSpec extends Specification {

    /** Test name → outcome (and the failure's message) of every test the class ran. */
    static Map<String, String> run(String className) {
        Map<String, String> outcomes = [:]
        def listener = new TestExecutionListener() {
            @Override void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.test) outcomes[id.displayName] = result.status.name() + result.throwable.map { ': ' + it.message }.orElse('')
            }
        }
        def request = LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(className)).build()
        LauncherFactory.create().execute(request, listener)
        outcomes
    }

    def "a project whose downgrade leaves an index fails the no-trace test and passes the others"() {
        when:
        def outcomes = run('dev.retort.test.LeakyProjectMigrations')

        then:
        outcomes.keySet() == ['single-head', 'no-trace'] as Set
        outcomes['single-head'] == 'SUCCESSFUL'
        outcomes['no-trace'].startsWith('FAILED: FAIL no-trace: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2_add_email.groovy) left index ix_clientes_nome on clientes')
    }

    def "a clean project's class passes: each check and the methods that take the report"() {
        when:
        def outcomes = run('dev.retort.test.CleanProjectTest')

        then:
        outcomes == ['single-head': 'SUCCESSFUL', 'upgrade': 'SUCCESSFUL', 'stairway': 'SUCCESSFUL', 'no-trace': 'SUCCESSFUL',
                     'data': 'SUCCESSFUL', 'theReportNamesEveryCheckThatApplies(TestReport)': 'SUCCESSFUL',
                     'theReportIsRunOncePerClass(TestReport, TestReport)': 'SUCCESSFUL']
    }
}
