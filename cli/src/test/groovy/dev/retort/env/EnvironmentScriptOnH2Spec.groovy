package dev.retort.env

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The environment script ({@code env.groovy} / {@code env.kts} beside retort.ini) on H2, each hook in both languages:
 * the hooks write what they see to a log file, and the specs read it back.
 */
class EnvironmentScriptOnH2Spec extends Specification {
    @TempDir Path tmp
    TempProject project
    Path log

    def setup() {
        project = new TempProject(tmp)
        project.ini.text += '\n[prod]\nlock_timeout = 5s\n'
        log = tmp.resolve('hooks.log')
        project.revision('1000aaaa0001', """
            revision '1000aaaa0001'
            message 'create accounts'
            upgrade { createTable('accounts') { column 'id', integer, primaryKey: true } }
            """)
        project.revision('1000aaaa0002', """
            revision '1000aaaa0002'
            revises '1000aaaa0001'
            message 'add owner'
            upgrade {
                addColumn 'accounts', 'owner', string(40)
                createIndex 'ix_accounts_owner', 'accounts', ['owner']
            }
            """)
    }

    /** Hooks that log every call; configureConnection also moves each connection to schema APP (H2's search_path). */
    static String recordingEnv(String language, Path log) {
        language == 'groovy' ? """
            def log = new File('${log}')
            log << "section \${section}\\n"
            configureConnection { c ->
                log << 'connect\\n'
                c.createStatement().execute('CREATE SCHEMA IF NOT EXISTS app')
                c.createStatement().execute('SET SCHEMA app')
            }
            beforeEach { step -> log << "before \${step.direction} \${step.revision} \${step.message} \${step.file}\\n" }
            afterEach { step, result -> log << "after \${step.revision} \${result.statements} \${result.elapsed != null}\\n" }
            onFailure { step, error -> log << "failed \${step.revision}: \${error.message.readLines()[0].take(60)}\\n" }
            """.stripIndent() : """
            val log = java.io.File("${log}")
            log.appendText("section \$section\\n")
            configureConnection { c ->
                log.appendText("connect\\n")
                c.createStatement().use { it.execute("CREATE SCHEMA IF NOT EXISTS app"); it.execute("SET SCHEMA app") }
            }
            beforeEach { step -> log.appendText("before \${step.direction} \${step.revision} \${step.message} \${step.file}\\n") }
            afterEach { step, result -> log.appendText("after \${step.revision} \${result.statements} \${result.elapsed != null}\\n") }
            onFailure { step, error -> log.appendText("failed \${step.revision}: \${error.message!!.lines().first().take(60)}\\n") }
            """.stripIndent()
    }

    Path env(String language, String text) { Files.writeString(tmp.resolve(language == 'groovy' ? 'env.groovy' : 'env.kts'), text) }

    List<String> logged() { Files.exists(log) ? log.readLines() : [] }

    List<String> tablesIn(String schema) {
        def c = DriverManager.getConnection("jdbc:h2:file:${tmp}/.retort/test", 'sa', '')
        try {
            def rs = c.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '$schema' ORDER BY TABLE_NAME")
            def out = []
            while (rs.next()) out << rs.getString(1)
            out
        } finally { c.close() }
    }

    def "#language: beforeEach and afterEach run around every step, and configureConnection prepares every connection"() {
        given:
        env(language, recordingEnv(language, log))

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 0
        logged().findAll { it != 'connect' } == [
                'section retort',
                'before upgrade 1000aaaa0001 create accounts versions/1000aaaa0001.groovy',
                'after 1000aaaa0001 1 true',
                'before upgrade 1000aaaa0002 add owner versions/1000aaaa0002.groovy',
                'after 1000aaaa0002 2 true']
        logged().count('connect') >= 1

        and: 'the connections were in schema APP, so the tables and the version table are there'
        tablesIn('APP').containsAll(['ACCOUNTS', 'RETORT_VERSION', 'RETORT_HISTORY'])
        tablesIn('PUBLIC') == []

        when: 'every later command connects through the hook too, and so finds the version table in APP'
        def current = project.run('current')
        def down = project.run('downgrade', '-1')

        then:
        current.out.trim() == '1000aaaa0002 (head)'
        down.exitCode == 0
        logged().findAll { it.startsWith('before downgrade') } == ['before downgrade 1000aaaa0002 add owner versions/1000aaaa0002.groovy']

        where:
        language << ['groovy', 'kotlin']
    }

    def "#language: offline, the step hooks run and configureConnection is not called"() {
        given:
        env(language, recordingEnv(language, log))

        when:
        def sql = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        sql.exitCode == 0
        sql.out.contains('CREATE TABLE accounts')
        logged() == ['section retort',
                     'before upgrade 1000aaaa0001 create accounts versions/1000aaaa0001.groovy', 'after 1000aaaa0001 1 true',
                     'before upgrade 1000aaaa0002 add owner versions/1000aaaa0002.groovy', 'after 1000aaaa0002 2 true']

        where:
        language << ['groovy', 'kotlin']
    }

    def "#language: onFailure sees the failed step and its error, afterEach does not run for it, and the failure is still reported"() {
        given:
        env(language, recordingEnv(language, log))
        project.revision('1000aaaa0003', """
            revision '1000aaaa0003'
            revises '1000aaaa0002'
            message 'broken'
            upgrade { execute 'SELEC nothing' }
            """)

        when:
        def up = project.run('upgrade', 'head')

        then:
        up.exitCode == 1
        up.err.contains('revision 1000aaaa0003 failed at statement 1 of 1')
        logged().findAll { it != 'connect' }.drop(1) == [
                'before upgrade 1000aaaa0001 create accounts versions/1000aaaa0001.groovy', 'after 1000aaaa0001 1 true',
                'before upgrade 1000aaaa0002 add owner versions/1000aaaa0002.groovy', 'after 1000aaaa0002 2 true',
                'before upgrade 1000aaaa0003 broken versions/1000aaaa0003.groovy',
                'failed 1000aaaa0003: revision 1000aaaa0003 failed at statement 1 of 1 (versions/1']

        where:
        language << ['groovy', 'kotlin']
    }

    def "#language: section is the environment chosen with -n"() {
        given:
        env(language, recordingEnv(language, log))

        when:
        project.run('-n', 'prod', 'current')
        def viaEnv = CliRun.of(['-c', project.ini.toString(), 'current'], [RETORT_ENV: 'prod'])

        then:
        viaEnv.exitCode == 0
        logged().findAll { it.startsWith('section') } == ['section prod', 'section prod']

        where:
        language << ['groovy', 'kotlin']
    }
}
