package dev.retort.internal.database.sqlite

import java.nio.file.Path
import java.time.Duration
import spock.lang.Specification
import spock.lang.TempDir

class LockFileSpec extends Specification {
    @TempDir Path tmp

    def "the SQLite lock file sits beside the database file (#url)"() {
        expect:
        LockFile.lockFileFor(url) == (expected == null ? null : Path.of(expected))

        where:
        url                                     | expected
        'jdbc:sqlite:/data/app.db'              | '/data/app.db.retort-lock'
        'jdbc:sqlite:file:/data/app.db?cache=1' | '/data/app.db.retort-lock'
        'jdbc:sqlite::memory:'                  | null
        'jdbc:sqlite:'                          | null
    }

    def "a second holder waits, names the first and gives up at the timeout; after release it gets the lock"() {
        given:
        Path file = tmp.resolve('app.db.retort-lock')
        def first = new LockFile(file)
        first.acquire(Duration.ofSeconds(1), {})
        List<String> notices = []

        when:
        new LockFile(file).acquire(Duration.ofMillis(500), notices.&add)

        then:
        def e = thrown(DatabaseException)
        e.message.contains('could not take the migration lock (file ' + file)
        notices.size() == 1
        notices[0].contains(LauncherIdentity.current().describe())

        when:
        first.close()
        def second = new LockFile(file)
        second.acquire(Duration.ofMillis(500), {})

        then:
        noExceptionThrown()

        cleanup:
        second?.close()
    }
}
