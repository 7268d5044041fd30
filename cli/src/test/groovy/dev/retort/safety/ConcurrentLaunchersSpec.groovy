package dev.retort.safety

import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/** Launchers as separate processes against one database: the lock serialises them and dies with its holder. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConcurrentLaunchersSpec extends Specification {
    @TempDir Path tmp

    static boolean available(String kind) {
        (kind == 'postgresql' ? TestDatabases.hasPostgres() : TestDatabases.hasMariadb()) && TestDatabases.hasDialect(kind)
    }

    private TempProject project(String kind, String name, Map settings, String slowRevisionBody) {
        String url = kind == 'postgresql' ? TestDatabases.freshPostgres("retort_i7_$name") : TestDatabases.freshMariadb("retort_i7_$name")
        def p = new TempProject(tmp.resolve(name), url, settings)
        p.revisionWithHeader('cccc00000001', null, '''\
            upgrade {
                createTable('c1') { column 'id', integer, primaryKey: true }
            }
            ''')
        p.revisionWithHeader('cccc00000002', 'cccc00000001', slowRevisionBody)
        p.revisionWithHeader('cccc00000003', 'cccc00000002', '''\
            upgrade {
                addColumn 'c2', 'note', string(20)
                createIndex 'ix_c2_note', 'c2', ['note']
            }
            ''')
        p.revisionWithHeader('cccc00000004', 'cccc00000003', '''\
            upgrade {
                createTable('c4') { column 'id', integer, primaryKey: true }
                insert 'c4', [[id: 1], [id: 2]]
            }
            ''')
        return p
    }

    @Requires({ ConcurrentLaunchersSpec.available(data.kind) })
    def "8 launchers running upgrade head at once on #kind apply every revision exactly once, and all exit 0"() {
        given:
        def p = project(kind, "${kind}_eight", [lock_timeout: '240s'], '''\
            upgrade {
                createTable('c2') { column 'id', integer, primaryKey: true }
                connection { c -> Thread.sleep(2000) }
            }
            ''')

        when:
        List<Path> outputs = (1..8).collect { tmp.resolve("launcher-${it}.out") }
        List<Process> launchers = outputs.collect { p.launch(it, 'upgrade', 'head') }
        List<Boolean> ended = launchers.collect { it.waitFor(300, TimeUnit.SECONDS) }
        List<String> printed = outputs.collect { Files.readString(it) }

        then: 'every launcher exits 0'
        ended.every()
        launchers*.exitValue() == [0] * 8
        printed.every { !it.contains('error') }

        and: 'every revision ran exactly once, all by one launcher'
        printed.sum { it.readLines().count { l -> l.startsWith('Running upgrade') } } == 4
        printed.count { it.contains('Running upgrade') } == 1
        p.rows('SELECT version_num FROM retort_version') == [['cccc00000004']]
        p.rows('SELECT id FROM c4 ORDER BY id') == [['1'], ['2']]

        and: 'the history tells the story: four successful upgrades in graph order, one after the other, and nothing else'
        def history = p.rows('SELECT revision, direction, success, from_revisions, to_revisions FROM retort_history ORDER BY id')
        history == [['cccc00000001', 'upgrade', ok, '', 'cccc00000001'],
                    ['cccc00000002', 'upgrade', ok, 'cccc00000001', 'cccc00000002'],
                    ['cccc00000003', 'upgrade', ok, 'cccc00000002', 'cccc00000003'],
                    ['cccc00000004', 'upgrade', ok, 'cccc00000003', 'cccc00000004']]
        def times = p.rows('SELECT started_at, finished_at FROM retort_history ORDER BY id').collect { it.collect { java.sql.Timestamp.valueOf(it) } }
        (1..<times.size()).every { !times[it][0].before(times[it - 1][1]) }

        and: 'launchers that came while it ran said who they were waiting for'
        printed.findAll { it.contains('Waiting for the migration lock') }.every { it.contains(holderHint) }

        where:
        kind         | ok  | holderHint
        'postgresql' | 't' | 'held by PostgreSQL backend pid'
        'mariadb'    | '1' | 'held by connection'
    }

    @Requires({ ConcurrentLaunchersSpec.available(data.kind) })
    def "a launcher killed with SIGKILL mid-run on #kind leaves no lock behind: the next one proceeds at once"() {
        given: 'a revision that sleeps in a connection block while a flag file exists'
        Path flag = tmp.resolve('slow.flag')
        Files.writeString(flag, 'slow')
        def p = project(kind, "${kind}_kill", [:], """\
            upgrade {
                createTable('c2') { column 'id', integer, primaryKey: true }
                connection { c -> if (new File('${flag.toString().replace('\\', '/')}').exists()) Thread.sleep(600000) }
            }
            """)

        when: 'a launcher is inside the slow revision'
        Path out = tmp.resolve('killed.out')
        Process killed = p.launch(out, 'upgrade', 'head')
        // Waits as long as the launcher lives: a slow machine only makes this longer; the class's @Timeout ends a hang.
        while (!Files.readString(out).contains('Running upgrade cccc00000001 -> cccc00000002') && killed.alive)
            Thread.sleep(100)
        Thread.sleep(1000)

        then: 'it holds the lock: another launcher waits, says who holds it, and gives up at lock_timeout'
        killed.alive
        def blocked = p.run('-x', 'lock_timeout=2s', 'upgrade', 'head')
        blocked.exitCode == 1
        blocked.out.contains('Waiting for the migration lock')
        blocked.err.contains('could not take the migration lock')
        blocked.err.contains(holderHint)

        when: 'it is killed with SIGKILL and the next launcher runs with a short lock_timeout'
        killed.destroyForcibly()
        killed.waitFor(30, TimeUnit.SECONDS)
        Files.delete(flag)
        def next = p.run('-x', 'lock_timeout=5s', 'upgrade', 'head')

        then: 'it takes the lock without waiting and completes the upgrade'
        // No clock here: the lock prints "Waiting for the migration lock" as soon as its first try fails, so the
        // notice's absence shows the first try won; a stale lock would also end the run at lock_timeout with exit 1.
        killed.exitValue() == 137
        next.exitCode == 0
        !next.out.contains('Waiting for the migration lock')
        next.out.contains('Running upgrade cccc00000003 -> cccc00000004')
        p.rows('SELECT version_num FROM retort_version') == [['cccc00000004']]

        and: 'on PostgreSQL the killed run rolled back entirely; on MariaDB the rerun resumed after its applied statement'
        next.out.contains('Running upgrade  -> cccc00000001') == (kind == 'postgresql')
        next.out.contains('Resuming revision cccc00000002 at statement 2 of 2') == (kind == 'mariadb')

        where:
        kind         | holderHint
        'postgresql' | 'held by PostgreSQL backend pid'
        'mariadb'    | 'held by connection'
    }
}
