package dev.retort.adopt

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code retort adopt} reading Alembic's, Flyway's and Liquibase's tables (made by hand here, as those tools make
 * them on H2), stamping the revision that adopts the version found, and refusing while the other tool shows a failed,
 * pending or unfinished migration.
 */
class AdoptOnH2Spec extends Specification {
    @TempDir Path tmp

    static final String FLYWAY_TABLE = '''CREATE TABLE "flyway_schema_history" ("installed_rank" INT NOT NULL PRIMARY KEY,
        "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL, "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL,
        "checksum" INT, "installed_by" VARCHAR(100) NOT NULL, "installed_on" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
        "execution_time" INT NOT NULL, "success" BOOLEAN NOT NULL)'''

    static final String LIQUIBASE_TABLES = '''CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,
        FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL,
        MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20),
        CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10));
        CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255))'''

    /** Three revisions adopting Flyway's 1, 1.1 and 2 (the last in Kotlin), and one for Alembic and Liquibase each. */
    TempProject project() {
        def p = new TempProject(tmp)
        p.write('aaaaaaaaaaaa.groovy', """
            revision 'aaaaaaaaaaaa'
            message 'create users'
            adopts 'flyway:1', 'alembic:1a2b3c4d5e6f'
            upgrade { execute 'CREATE TABLE users (id INT)' }
            """)
        p.write('bbbbbbbbbbbb.groovy', """
            revision 'bbbbbbbbbbbb'
            revises 'aaaaaaaaaaaa'
            message 'add orders'
            adopts 'flyway:1.1', 'liquibase:add-orders'
            upgrade { execute 'CREATE TABLE orders (id INT)' }
            """)
        p.write('cccccccccccc.kts', """
            revision("cccccccccccc")
            revises("bbbbbbbbbbbb")
            message("order functions")
            adopts("flyway:2")
            upgrade { execute("CREATE TABLE audit (id INT)") }
            """)
        p
    }

    void sql(TempProject p, String... statements) {
        def c = p.connect()
        try { statements.each { s -> c.createStatement().withCloseable { it.execute(s) } } } finally { c.close() }
    }

    void flyway(TempProject p, List<List> rows) {
        sql(p, FLYWAY_TABLE)
        rows.eachWithIndex { r, i ->
            sql(p, "INSERT INTO \"flyway_schema_history\" VALUES (${i + 1}, ${r[0] == null ? 'NULL' : "'${r[0]}'"}, '${r[1]}', 'SQL', " +
                    "'V${r[0]}__x.sql', 0, 'sa', TIMESTAMP '2026-11-30 12:00:0$i', 5, ${r[2]})")
        }
    }

    List<List<String>> versionRows(TempProject p) {
        try { p.rows('SELECT version_num FROM retort_version ORDER BY 1') } catch (java.sql.SQLException ignored) { [] }
    }

    def "Flyway: the revision adopting the highest applied version is stamped (a Kotlin header says it here)"() {
        given:
        def p = project()
        flyway(p, [['1', 'create users', true], ['1.1', 'add orders', true], [null, 'views', true], ['2', 'order functions', true]])

        when:
        def run = p.run('adopt', '--from', 'flyway')

        then:
        run.exitCode == 0
        run.out.contains("Found flyway_schema_history: 3 versioned migrations applied (and 1 repeatable run), last 2 'order functions' installed 2026-11-30 12:00:03")
        run.out.contains('Stamping cccccccccccc (adopts flyway:2)')
        versionRows(p) == [['cccccccccccc']]
        p.rows("SELECT revision FROM retort_history WHERE direction = 'stamp' ORDER BY revision") == [['aaaaaaaaaaaa'], ['bbbbbbbbbbbb'], ['cccccccccccc']]
        p.run('upgrade', 'head').lines().findAll { it.startsWith('Running') } == []
    }

    def "Flyway: a failed migration in the history is refused, naming it, even with --at"() {
        given:
        def p = project()
        flyway(p, [['1', 'create users', true], ['1.1', 'add orders', false]])

        when:
        def run = p.run('adopt', '--from', 'flyway', *extra)

        then:
        run.exitCode == 1
        run.err.contains("not adopting: migration 1.1 'add orders' (installed_rank 2) failed in flyway_schema_history (success = false)")
        run.err.contains('flyway repair')
        versionRows(p) == []

        where:
        extra << [[], ['--at', 'aaaaaaaaaaaa']]
    }

    def "Flyway: a version below the current one that the history lacks is pending, and refused"() {
        given:
        def p = project()
        flyway(p, [['1', 'create users', true], ['2', 'order functions', true]])

        when:
        def run = p.run('adopt', '--from', 'flyway')

        then:
        run.exitCode == 1
        run.err.contains('not adopting: flyway:1.1 (revision bbbbbbbbbbbb) is pending: flyway_schema_history does not show it applied, though it is at 2')
        versionRows(p) == []
    }

    def "Flyway: a version no revision adopts is an error that says how to fix it; --at names the revision instead"() {
        given:
        def p = project()
        flyway(p, [['1', 'create users', true], ['1.1', 'add orders', true], ['2', 'order functions', true], ['3', 'more', true]])

        when:
        def none = p.run('adopt', '--from', 'flyway')

        then:
        none.exitCode == 1
        none.err.contains("no revision says adopts 'flyway:3', the version the database is at (adopted: 1, 1.1, 2)")
        none.err.contains('--at REV')

        when:
        def at = p.run('adopt', '--from', 'flyway', '--at', 'cccc')

        then:
        at.exitCode == 0
        at.out.contains('Stamping cccc (--at)')
        versionRows(p) == [['cccccccccccc']]
    }

    def "a database without the tool's table, or one Retort already manages, is refused"() {
        given:
        def p = project()

        when:
        def missing = p.run('adopt', '--from', 'flyway')

        then:
        missing.exitCode == 1
        missing.err.contains('there is no flyway_schema_history table in database ')

        when:
        flyway(p, [['1', 'create users', true]])
        def first = p.run('adopt', '--from', 'flyway')
        def again = p.run('adopt', '--from', 'flyway')

        then:
        first.exitCode == 0
        again.exitCode == 1
        again.err.contains('Retort already manages this database: retort_version holds aaaaaaaaaaaa')
    }

    def "Alembic: the revision adopting alembic_version's row is stamped; an empty table is refused"() {
        given:
        def p = project()
        sql(p, 'CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)')

        when:
        def empty = p.run('adopt', '--from', 'alembic')

        then:
        empty.exitCode == 1
        empty.err.contains('ALEMBIC_VERSION is empty: Alembic has applied nothing here')

        when:
        sql(p, "INSERT INTO alembic_version VALUES ('1a2b3c4d5e6f')")
        def run = p.run('adopt', '--from', 'alembic')

        then:
        run.exitCode == 0
        run.out.contains('Found ALEMBIC_VERSION: version 1a2b3c4d5e6f')
        run.out.contains('Stamping aaaaaaaaaaaa (adopts alembic:1a2b3c4d5e6f)')
        versionRows(p) == [['aaaaaaaaaaaa']]
    }

    def "Liquibase: the revision adopting the last changeset run is stamped"() {
        given:
        def p = project()
        sql(p, *LIQUIBASE_TABLES.split(';'))
        sql(p, "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) VALUES " +
                "('create-users', 'ana', 'db/changelog.xml', TIMESTAMP '2026-11-30 10:00:00', 1, 'EXECUTED'), " +
                "('add-orders', 'rui', 'db/changelog.xml', TIMESTAMP '2026-11-30 11:00:00', 2, 'EXECUTED')",
                "INSERT INTO DATABASECHANGELOGLOCK VALUES (1, FALSE, NULL, NULL)")

        when:
        def run = p.run('adopt', '--from', 'liquibase')

        then:
        run.exitCode == 0
        run.out.contains('Found DATABASECHANGELOG: 2 changesets applied, last add-orders by rui (db/changelog.xml) executed 2026-11-30 11:00:00')
        run.out.contains('Stamping bbbbbbbbbbbb (adopts liquibase:add-orders)')
        versionRows(p) == [['bbbbbbbbbbbb']]
    }

    def "Liquibase: a failed changeset or a held lock is refused, naming it"() {
        given:
        def p = project()
        sql(p, *LIQUIBASE_TABLES.split(';'))
        sql(p, "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) VALUES " +
                "('add-orders', 'rui', 'db/changelog.xml', TIMESTAMP '2026-11-30 11:00:00', 1, '$exectype')",
                "INSERT INTO DATABASECHANGELOGLOCK VALUES (1, $locked, TIMESTAMP '2026-11-30 11:00:00', 'build-agent-7')")

        when:
        def run = p.run('adopt', '--from', 'liquibase')

        then:
        run.exitCode == 1
        run.err.contains(message)
        versionRows(p) == []

        where:
        exectype   | locked || message
        'FAILED'   | 'FALSE' || 'changeset add-orders by rui (db/changelog.xml) failed in DATABASECHANGELOG (EXECTYPE = FAILED)'
        'EXECUTED' | 'TRUE'  || "Liquibase's lock is held (DATABASECHANGELOGLOCK: locked by build-agent-7 since 2026-11-30 11:00:00)"
    }

    def "an unknown tool is bad usage"() {
        when:
        def run = project().run('adopt', '--from', 'sqitch')

        then:
        run.exitCode == 2
        run.err.contains('--from takes alembic, flyway or liquibase')
    }
}
