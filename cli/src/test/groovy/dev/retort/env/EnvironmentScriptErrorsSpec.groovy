package dev.retort.env

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * An environment script that does not compile, fails while running, or whose hook throws: the error names the script's
 * file and line, and nothing of the migration runs.
 */
class EnvironmentScriptErrorsSpec extends Specification {
    @TempDir Path tmp
    TempProject project

    def setup() {
        project = new TempProject(tmp)
        project.revision('3000cccc0001', """
            revision '3000cccc0001'
            message 'create t'
            upgrade { createTable('t') { column 'id', integer, primaryKey: true } }
            """)
    }

    Path env(String name, String text) { Files.writeString(tmp.resolve(name), text.stripIndent().trim() + '\n') }

    /** The H2 file the project's URL names: it exists only once something connected. */
    boolean databaseCreated() { Files.exists(tmp.resolve('.retort/test.mv.db')) }

    def "#file that #problem stops upgrade at #file:#line before anything connects"() {
        given:
        Path script = env(file, text)

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 1
        up.err.startsWith("error: ${script}:${line}")
        up.err.contains(message)
        !up.err.contains('\tat ')
        up.out == ''
        !databaseCreated()

        where:
        file         | problem               | line | message                         | text
        'env.groovy' | 'does not compile'    | 2    | 'Unexpected input'              | "beforeEach { step -> }\nconfigureConnection { c -> c.createStatement( }\n"
        'env.kts'    | 'does not compile'    | 2    | "Unresolved reference 'beforEach'" | 'beforeEach { step -> }\nbeforEach { step -> }\n'
        'env.groovy' | 'throws while it runs' | 3    | 'no settings for this section'  | "beforeEach { step -> }\nif (section == 'retort')\n    throw new IllegalStateException('no settings for this section')\n"
        'env.kts'    | 'throws while it runs' | 3    | 'no settings for this section'  | 'beforeEach { step -> }\nif (section == "retort")\n    error("no settings for this section")\n'
    }

    def "a #file hook that throws names its line, and the run is rolled back"() {
        given:
        Path script = env(file, text)

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 1
        up.err.startsWith("error: ${script}:3: the afterEach (upgrade 3000cccc0001 (create t)) hook failed: refused by policy")
        project.run('current').out.trim() == ''

        where:
        file         | text
        'env.groovy' | "afterEach { step, result ->\n    if (result.statements > 0)\n        throw new IllegalStateException('refused by policy')\n}\n"
        'env.kts'    | 'afterEach { step, result ->\n    if (result.statements > 0)\n        throw IllegalStateException("refused by policy")\n}\n'
    }

    def "a configureConnection hook that throws names its line, and check stops before comparing"() {
        given:
        Path script = env('env.groovy', "configureConnection { c ->\n    c.createStatement().execute('SET SCHEMA missing_schema')\n}\n")

        when:
        def current = project.run('current')

        then:
        current.exitCode == 1
        current.err.startsWith("error: ${script}:2: the configureConnection hook failed: ")
        current.err.contains('MISSING_SCHEMA')
    }

    def "env.groovy and env.kts side by side is an error naming both"() {
        given:
        env('env.groovy', 'beforeEach { step -> }')
        env('env.kts', 'beforeEach { step -> }')

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 1
        up.err.contains(tmp.resolve('env.kts').toString())
        up.err.contains(tmp.resolve('env.groovy').toString())
        up.err.contains('keep one of them')
        !databaseCreated()
    }

    def "offline, an environment script error stops the SQL before any of it is printed"() {
        given:
        Path script = env('env.groovy', "beforeEach { step ->\n    throw new IllegalStateException('no offline runs')\n}\n")

        when:
        def sql = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        sql.exitCode == 1
        sql.out == ''
        sql.err.startsWith("error: ${script}:2: the beforeEach (upgrade 3000cccc0001 (create t)) hook failed: no offline runs")
    }
}
