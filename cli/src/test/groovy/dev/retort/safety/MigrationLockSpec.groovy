package dev.retort.safety

import dev.retort.internal.db.Database
import dev.retort.internal.db.DatabaseException
import dev.retort.internal.db.MigrationLock
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import java.time.Duration
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

class MigrationLockSpec extends Specification {
    @TempDir Path tmp

    private static void exclusive(Database db) {
        List<String> notices = []
        def first = MigrationLock.forDatabase(db, 'retort_version')
        first.acquire(Duration.ofSeconds(5), {})
        try {
            def second = MigrationLock.forDatabase(db, 'retort_version')
            try {
                second.acquire(Duration.ofMillis(1500), notices.&add)
                assert false: 'the second lock must not be granted while the first is held'
            } catch (DatabaseException e) {
                assert e.message.startsWith('could not take the migration lock')
                assert e.message.contains('within 1500ms')
            } finally {
                second.close()
            }
            assert notices.size() == 1 && notices[0].startsWith('Waiting for the migration lock')
        } finally {
            first.close()
        }
        def third = MigrationLock.forDatabase(db, 'retort_version')
        third.acquire(Duration.ofMillis(500), {})
        third.close()
    }

    def "on H2 the lock table row admits one holder at a time and is free again after close"() {
        given:
        def db = Database.connect("jdbc:h2:file:${tmp.resolve('lock')}", 'sa', null, [maximumPoolSize: '4'])

        expect:
        exclusive(db)

        cleanup:
        db?.close()
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "on PostgreSQL the advisory lock admits one holder at a time"() {
        given:
        def db = Database.connect(TestDatabases.freshPostgres('retort_i7_lock'), null, null, [maximumPoolSize: '4'])

        expect:
        exclusive(db)

        cleanup:
        db?.close()
    }

    @Requires({ TestDatabases.hasMariadb() })
    def "on MariaDB GET_LOCK admits one holder at a time"() {
        given:
        def db = Database.connect(TestDatabases.freshMariadb('retort_i7_lock'), null, null, [maximumPoolSize: '4'])

        expect:
        exclusive(db)

        cleanup:
        db?.close()
    }
}
