package dev.retort.maven

import spock.lang.Specification

/** What a run prints on stderr, as the plugin logs it: compile progress as information, warnings at once, the rest kept. */
class ErrorLinesSpec extends Specification {

    def "compile progress and its summary are logged as information, not kept as warnings"() {
        given:
        def log = new RecordingLog()
        def lines = new ErrorLines(log)

        when:
        ['Compiling revisions 0/40', 'Compiling revisions 40/40', 'compiled 40 revisions in 3.2 s; cached in .retort/cache',
         'warning: unknown key x'].each { lines.add(it) }
        lines.warnKept()

        then:
        log.lines == ['[INFO] Compiling revisions 0/40', '[INFO] Compiling revisions 40/40',
                      '[INFO] compiled 40 revisions in 3.2 s; cached in .retort/cache', '[WARNING] unknown key x']
    }

    def "a failed compile logs where it stopped, and the error alone is the failure message"() {
        given:
        def log = new RecordingLog()
        def lines = new ErrorLines(log)

        when:
        ['Compiling revisions 0/40', 'stopped compiling after 12 of 40 revisions', 'error: versions/r5.groovy:3: unexpected input'].each { lines.add(it) }

        then:
        lines.failureMessage().get() == 'versions/r5.groovy:3: unexpected input'
        log.info() == ['Compiling revisions 0/40', 'stopped compiling after 12 of 40 revisions']
    }
}
