package dev.retort.realworld

import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

/**
 * samples/realworld, a history shaped like a real application's (named and unnamed keys, widened and nullable
 * columns, a replaced check, an unnamed foreign key dropped by its columns, an extended enum, per-dialect branches),
 * applies, downgrades to base and applies again on H2, PostgreSQL, MariaDB and SQLite; the schemas it leaves are equal
 * across the databases in everything the sample's README says they share.
 */
@Stepwise
class RealworldSampleSpec extends Specification {
    static final Path SAMPLE = Path.of(System.getProperty('basedir', '.')).resolve('../samples/realworld').normalize()
    static final List<String> TABLES = ['experiments', 'runs', 'tags', 'metrics', 'params', 'experiment_tags']

    @TempDir @Shared Path dir
    /** What each database's schema looked like at head, as the databases can share it. */
    @Shared Map<String, Map> shared = [:]

    static boolean available(String db) { db == 'h2' || RealWorldDatabases.available(db) }

    TempProject project(String db) {
        Path home = Files.createDirectories(dir.resolve(db))
        def p = db == 'h2' ? new TempProject(home) : RealWorldDatabases.project(home, db, 'sample')
        Files.list(SAMPLE.resolve('versions')).withCloseable { files -> files.each { Files.copy(it, p.versions.resolve(it.fileName)) } }
        p
    }

    /**
     * The schema as every database can state it: columns with their nullability, keys' columns, foreign keys with
     * their delete action, unique constraints' columns and the named indexes. Types are each database's own, and the
     * names a database makes up for unnamed constraints are its own, so neither is compared.
     */
    static Map portable(SchemaSnapshot s) {
        s.tables.findAll { it.key in TABLES }.collectEntries { name, t ->
            [(name): [columns    : t.columns.collectEntries { c, col -> [(c.toLowerCase()): col.nullable] },
                      primaryKey : t.primaryKey*.toLowerCase(),
                      foreignKeys: t.foreignKeys.collect { [it.columns*.toLowerCase(), it.refTable.toLowerCase(), it.refColumns*.toLowerCase(), noActionIfRestrict(it.onDelete)] }.sort { it.toString() },
                      uniques    : t.uniqueConstraints.values().collect { it*.toLowerCase() }.sort { it.toString() },
                      indexes    : t.indexes.keySet().findAll { it.toLowerCase().startsWith('ix_') }*.toLowerCase().sort()]]
        }
    }

    /** Without a stated action MySQL and MariaDB report RESTRICT, the others NO ACTION: the same for keys checked at once. */
    static String noActionIfRestrict(String action) { action == 'RESTRICT' ? 'NO ACTION' : action }

    @Requires({ RealworldSampleSpec.available(data.db) })
    def "on #db the sample upgrades to head, downgrades to base and upgrades again to the same schema"() {
        given:
        def p = project(db)

        when:
        def up = p.run('upgrade', 'head')
        def atHead = SchemaSnapshot.read(p).without(['retort_version', 'retort_history', 'retort_version_lock'])

        then:
        up.exitCode == 0
        up.out.readLines().count { it.startsWith('Running upgrade ') } == 12
        atHead.tables.keySet().containsAll(TABLES)
        p.rows("SELECT name, lifecycle_stage FROM experiments") == [['Default', 'active']]

        when: 'the revisions behave as their messages say'
        p.connect().withCloseable { c ->
            c.createStatement().withCloseable { s ->
                if (db == 'sqlite') s.execute('PRAGMA foreign_keys = ON')
                s.execute("INSERT INTO runs (run_uuid, status, source_type, experiment_id) VALUES ('r1', 'KILLED', 'PROJECT', 1)")
                s.execute("INSERT INTO tags (" + key + ", run_uuid) VALUES ('t', 'r1')")
                s.execute("DELETE FROM runs WHERE run_uuid = 'r1'")
            }
        }

        then: 'KILLED and PROJECT are allowed now, and a run takes its tags with it'
        p.rows('SELECT count(*) FROM tags') == [['0']]

        when:
        def down = p.run('downgrade', 'base')

        then:
        down.exitCode == 0
        SchemaSnapshot.read(p).tables.keySet().intersect(TABLES) == [] as Set

        when:
        def again = p.run('upgrade', 'head')

        then:
        again.exitCode == 0
        SchemaSnapshot.read(p).without(['retort_version', 'retort_history', 'retort_version_lock']) == atHead

        cleanup:
        if (atHead != null) shared[db] = [schema: portable(atHead), checks: db == 'sqlite' ? null : checkNames(atHead)]

        where:
        db << ['h2', 'postgresql', 'mariadb', 'sqlite']
        key = db == 'mariadb' ? '`key`' : '"key"'
    }

    def "the four databases end with the same portable schema, and those whose catalog lists checks with the same checks"() {
        given:
        List<Map> schemas = shared.values()*.schema
        List checks = shared.values()*.checks.findAll { it != null }

        expect:
        shared.keySet() == ['h2', 'postgresql', 'mariadb', 'sqlite'].findAll { available(it) } as Set
        schemas.every { it == schemas.first() }
        checks.every { it == checks.first() }
    }

    /** The sample's named checks (ck_…) by table. */
    static Map checkNames(SchemaSnapshot s) {
        s.tables.findAll { it.key in TABLES }.collectEntries { name, t -> [(name): t.checks.keySet()*.toLowerCase().findAll { it.startsWith('ck_') }.sort()] }
    }
}
