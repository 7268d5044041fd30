package dev.retort.perf

import dev.retort.api.CompileListener
import dev.retort.api.Retort
import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Path
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Compiling many revisions shows progress on stderr and a summary; -q silences it, a warm run has nothing to say, and the
 * Java API (the starter, the Maven plugin) hears the same. The one-second delay before anything shows is set to zero
 * here (RETORT_PROGRESS_DELAY_MS, compileReportDelay), so nothing depends on how fast the machine is.
 */
class CompileProgressSpec extends Specification {
    @TempDir Path dir

    static final Map<String, String> AT_ONCE = [RETORT_PROGRESS_DELAY_MS: '0']

    private TempProject project(int n) {
        def project = new TempProject(dir)
        (1..n).each { i ->
            project.write("r${i}.groovy", """\
                revision '${String.format('%012x', 0xd00 + i)}'
                ${i > 1 ? "revises '${String.format('%012x', 0xd00 + i - 1)}'" : ''}
                upgrade { createTable('p_$i') { column 'id', integer, primaryKey: true } }
                """.stripIndent() + dev.retort.internal.script.CompileCacheSpec.COMPILED)
        }
        project
    }

    private static CliRun cli(TempProject project, Map<String, String> env, String... args) {
        CliRun.of(['-c', project.ini.toString()] + (args as List), env)
    }

    def "a cold run shows Compiling revisions N/M lines on stderr, then the summary; stdout keeps the SQL only"() {
        given:
        def project = project(20)

        when:
        def run = cli(project, AT_ONCE, 'upgrade', 'head', '--sql', '--dialect', 'h2')

        then:
        run.exitCode == 0
        def lines = run.err.readLines()
        lines.first() == 'Compiling revisions 0/20'
        lines.contains('Compiling revisions 20/20')
        lines.findAll { it.startsWith('Compiling revisions ') }.size() <= 11
        lines.last() ==~ /compiled 20 revisions in \d+\.\d s; cached in .*\.retort\/cache/
        !run.out.contains('Compiling')
    }

    def "-q silences it, and a warm run has nothing to report"() {
        given:
        def project = project(12)

        when:
        def quiet = cli(project, AT_ONCE, '-q', 'upgrade', 'head', '--sql', '--dialect', 'h2')
        def warm = cli(project, AT_ONCE, 'upgrade', 'head', '--sql', '--dialect', 'h2')

        then:
        quiet.exitCode == 0
        quiet.err.isEmpty()
        warm.exitCode == 0
        warm.err.isEmpty()
    }

    def "a compile of fewer than ten scripts says nothing, however long it takes"() {
        given:
        def project = project(9)

        expect:
        cli(project, AT_ONCE, 'upgrade', 'head', '--sql', '--dialect', 'h2').err.isEmpty()
    }

    def "a script that does not compile ends the progress with where it stopped, then the error"() {
        given:
        def project = project(12)
        project.write('r5.groovy', project.versions.resolve('r5.groovy').text.replace("column 'id', integer", "column 'id', integer,,"))

        when:
        def run = cli(project, AT_ONCE, 'upgrade', 'head', '--sql', '--dialect', 'h2')

        then:
        run.exitCode == 1
        def lines = run.err.readLines()
        lines[0] == 'Compiling revisions 0/12'
        lines.any { it ==~ /stopped compiling after \d+ of 12 revisions/ }
        lines.find { it.startsWith('error: ') }.contains('r5.groovy:3')
        !lines.any { it.startsWith('compiled ') }
    }

    def "the Java API says nothing unless asked; lines() makes log lines of it, as the starter logs them"() {
        given:
        def project = project(12)
        def heard = new CopyOnWriteArrayList<String>()
        def silent = new CopyOnWriteArrayList<String>()

        when:
        Retort.configure().configFile(project.ini).progress { silent << it }.compileReportDelay(Duration.ZERO).load().withCloseable {
            it.upgradeSql('head', 'h2')
        }
        project.cache.deleteDir()
        Retort.configure().configFile(project.ini).compileListener(CompileListener.lines { heard << it })
                .compileReportDelay(Duration.ZERO).load().withCloseable { it.upgradeSql('head', 'h2') }

        then:
        silent.isEmpty()
        heard.first() == 'Compiling revisions 0/12'
        heard.contains('Compiling revisions 12/12')
        heard.last() ==~ /compiled 12 revisions in .* s; cached in .*/
    }

    def "a listener of its own receives the counts"() {
        given:
        def project = project(11)
        def counts = new CopyOnWriteArrayList<List<Integer>>()
        def summaries = new CopyOnWriteArrayList<String>()
        def listener = new CompileListener() {
            void progress(int done, int total) { counts << [done, total] }
            void finished(String summary) { summaries << summary }
        }

        when:
        Retort.configure().configFile(project.ini).compileListener(listener).compileReportDelay(Duration.ZERO).load().withCloseable {
            it.upgradeSql('head', 'h2')
        }

        then:
        counts.first() == [0, 11]
        counts.last() == [11, 11]
        counts*.get(0) == counts*.get(0).sort(false)
        summaries.size() == 1
    }
}
