package dev.retort.testkit

import dev.retort.testing.ProjectFixture
import dev.retort.testing.TestDatabases
import groovy.sql.Sql
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code retort test --scratch} on PostgreSQL and MariaDB: each group of checks gets a database retort_test_… made
 * through the project's server and dropped by the run — when the checks pass, when one fails, and when the process
 * is stopped. A data check writes the name of the database it ran in to a file, so the spec knows which one to look for.
 */
class ScratchDatabasesSpec extends Specification {
    @TempDir Path dir

    static String server(String kind) { kind == 'postgresql' ? TestDatabases.postgresServer() : TestDatabases.mariadbServer() }

    /** The scratch databases on the server now. */
    static Set<String> scratchDatabases(String kind) {
        String query = kind == 'postgresql'
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'retort\\_test\\_%'"
                : "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'retort\\_test\\_%'"
        Sql.newInstance(server(kind)).withCloseable { sql -> sql.rows(query).collect { it[0] as String } as Set }
    }

    /** A project on the server with one revision, and a data check that records its database's name in {@code name.txt}. */
    ProjectFixture project(String kind, String afterRecording = '') {
        def p = new ProjectFixture(dir, server(kind))
        p.revision('a1a1a1a1a1a1', null, '''
            upgrade {
                createTable('t') {
                    column 'id', integer, primaryKey: true
                    column 'a', string(20)
                }
            }''')
        String current = kind == 'postgresql' ? 'current_database()' : 'database()'
        Files.writeString(dir.resolve('retort-test.groovy'), """
            after('a1a1a1a1a1a1') { sql ->
                new File('${dir.resolve('name.txt').toString().replace('\\', '/')}').text = sql.firstRow('SELECT $current AS n').n
                $afterRecording
            }
            """.stripIndent())
        p
    }

    String recordedName() { Files.readString(dir.resolve('name.txt')).trim() }

    @Requires({ data.kind == 'postgresql' ? TestDatabases.hasPostgres() : TestDatabases.hasMariadb() })
    def "on #kind, --scratch runs every check in databases of its own and leaves none behind"() {
        given:
        def p = project(kind)
        def before = scratchDatabases(kind)

        when:
        def run = p.run('test', '--scratch')

        then:
        run.code == 0
        run.out.readLines() == ['PASS single-head (head a1a1a1a1a1a1)', 'PASS upgrade (base -> a1a1a1a1a1a1, 1 revision)',
                                'PASS stairway (1 revision)', 'PASS no-trace (1 revision)', 'PASS data (1 block of retort-test.groovy)']
        recordedName() ==~ /retort_test_[0-9a-f]{12}/
        !before.contains(recordedName())
        !scratchDatabases(kind).contains(recordedName())
        scratchDatabases(kind) - before == [] as Set

        where:
        kind << ['postgresql', 'mariadb']
    }

    @Requires({ data.kind == 'postgresql' ? TestDatabases.hasPostgres() : TestDatabases.hasMariadb() })
    def "on #kind, the scratch databases are dropped when checks fail"() {
        given: 'a revision whose downgrade forgets its index, and a data check that fails after recording its database'
        def p = project(kind, "assert sql.firstRow('SELECT count(*) AS n FROM t').n == 1")
        p.revision('b2b2b2b2b2b2', 'a1a1a1a1a1a1', '''
            upgrade { createIndex 'ix_a', 't', ['a'] }
            downgrade { }''')
        def before = scratchDatabases(kind)

        when:
        def run = p.run('test', '--scratch')

        then:
        run.code == 1
        run.out.readLines().contains('FAIL no-trace: downgrade of b2b2b2b2b2b2 (versions/b2b2b2b2b2b2.groovy) left index ix_a on t')
        run.out.readLines().any { it.startsWith("FAIL data: after 'a1a1a1a1a1a1' (retort-test.groovy:4): assert ") }
        recordedName() ==~ /retort_test_[0-9a-f]{12}/
        !scratchDatabases(kind).contains(recordedName())
        scratchDatabases(kind) - before == [] as Set

        where:
        kind << ['postgresql', 'mariadb']
    }

    @Requires({ data.kind == 'postgresql' ? TestDatabases.hasPostgres() : TestDatabases.hasMariadb() })
    def "on #kind, a run stopped while it works (SIGTERM, as Ctrl-C) still drops its scratch database"() {
        given: 'a data check that records its database and then waits, so the run is stopped in the middle'
        def p = project(kind, 'Thread.sleep(120_000)')
        Path output = dir.resolve('launcher.log')

        when:
        Process launcher = p.launch(output, 'test', '--scratch', '--only', 'data')
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90)
        while (!Files.exists(dir.resolve('name.txt')) && launcher.alive && System.nanoTime() < deadline) Thread.sleep(200)
        boolean wasThere = Files.exists(dir.resolve('name.txt')) && scratchDatabases(kind).contains(recordedName())
        launcher.destroy()
        boolean ended = launcher.waitFor(60, TimeUnit.SECONDS)

        then:
        wasThere
        ended
        !scratchDatabases(kind).contains(recordedName())

        cleanup:
        launcher?.destroyForcibly()

        where:
        kind << ['postgresql', 'mariadb']
    }
}
