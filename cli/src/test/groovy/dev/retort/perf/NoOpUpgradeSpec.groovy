package dev.retort.perf

import dev.retort.internal.command.Migrate
import dev.retort.internal.command.Project
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.db.Database
import dev.retort.internal.graph.Direction
import dev.retort.internal.script.GroovyRevisionCompiler
import dev.retort.internal.script.KotlinRevisionCompiler
import dev.retort.internal.script.LoadedRevision
import dev.retort.internal.script.RevisionCompiler
import dev.retort.internal.script.RevisionLoader
import dev.retort.internal.script.RevisionSource
import dev.retort.internal.script.ScriptCompileCache
import dev.retort.internal.script.ScriptLanguage
import dev.retort.testing.JdbcCounter
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import java.util.concurrent.atomic.AtomicInteger
import javax.sql.DataSource
import org.h2.jdbcx.JdbcDataSource
import org.postgresql.ds.PGSimpleDataSource
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code upgrade head} on a database that is already at head, counted: one connection (the lock's), the lock's own
 * statements, one query of the version table, no catalog lookup of Retort's tables, and no script loaded.
 */
class NoOpUpgradeSpec extends Specification {
    static final String PG_DB = 'retort_perf_noop'

    @TempDir Path tmp

    def cleanupSpec() {
        if (TestDatabases.postgresServer()) {
            def c = java.sql.DriverManager.getConnection(TestDatabases.postgresServer())
            try { c.createStatement().execute("DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)") } finally { c.close() }
        }
    }

    /** Counts the revisions a compiler is asked to load. */
    static final class CountingCompiler implements RevisionCompiler {
        final RevisionCompiler inner
        final AtomicInteger loads
        CountingCompiler(RevisionCompiler inner, AtomicInteger loads) { this.inner = inner; this.loads = loads }
        ScriptLanguage language() { inner.language() }
        LoadedRevision load(RevisionSource source) { loadAll([source])[0] }
        List<LoadedRevision> loadAll(List<RevisionSource> sources) {
            loads.addAndGet(sources.size())
            inner.loadAll(sources)
        }
        List<RevisionCompiler.CompiledRevision> compileAll(List<RevisionSource> sources) { inner.compileAll(sources) }
    }

    private Path projectWith(int revisions) {
        Path dir = tmp.resolve('p')
        dir.resolve('versions').toFile().mkdirs()
        dir.resolve('retort.ini').text = "[retort]\nversion_locations = versions\nurl = jdbc:h2:mem:unused\n"
        (1..revisions).each { i ->
            dir.resolve("versions/${i}.groovy").text = """\
                revision '${rev(i)}'
                ${i > 1 ? "revises '${rev(i - 1)}'" : ''}
                message 'table t_$i'
                upgrade { createTable('perf_t_$i') { column 'id', integer, primaryKey: true } }
                """.stripIndent()
        }
        dir.resolve('retort.ini')
    }

    static String rev(int i) { String.format('%012x', 0xa00 + i) }

    /** Runs upgrade head as the CLI and the Java API do, over a counted data source and counted compilers. */
    private List run(Path ini, DataSource dataSource, AtomicInteger loads) {
        def config = ConfigLoader.load(ini, null, [:], [:], [:])
        def cache = new ScriptCompileCache(tmp.resolve('cache'))
        def loader = new RevisionLoader([new CountingCompiler(new GroovyRevisionCompiler(cache), loads),
                                         new CountingCompiler(new KotlinRevisionCompiler(cache), loads)])
        def project = Project.open(config, loader)
        def db = Database.of(dataSource)
        try {
            Migrate.online(project, db, Direction.UPGRADE, 'head', { })
        } finally { db.close() }
    }

    @Requires({ data.database != 'PostgreSQL' || TestDatabases.hasPostgres() })
    def "#database: upgrade head at head opens one connection, queries the version table once and loads no script"() {
        given: 'a project of three revisions, applied'
        Path ini = projectWith(3)
        DataSource target = database == 'H2' ? h2() : postgres()
        def counter = new JdbcCounter()
        def loads = new AtomicInteger()
        assert run(ini, counter.wrap(target), loads).size() == 3
        assert loads.get() == 3

        when: 'upgrade head runs again'
        counter.reset()
        loads.set(0)
        def steps = run(ini, counter.wrap(target), loads)

        then: 'nothing to do, found with one connection and one query of the version table'
        steps.isEmpty()
        counter.connections.get() == 1
        def versionQueries = counter.statements.findAll { it.contains('retort_version') && !it.contains('retort_version_lock') }
        versionQueries.size() == 1
        versionQueries[0] ==~ /SELECT version_num FROM "?$schema"?\.retort_version/
        and: 'no catalog lookup of the version or history table, and no DDL or write'
        counter.lookups.findAll { it.toLowerCase().contains('retort_version') && !it.toLowerCase().contains('retort_version_lock') || it.toLowerCase().contains('history') }.isEmpty()
        counter.statements.findAll { it =~ /(?i)^\s*(CREATE|INSERT|UPDATE|DELETE|ALTER)/ && !it.contains('retort_version_lock') }.isEmpty()
        counter.statements.size() <= maxStatements
        and: 'no script loaded'
        loads.get() == 0

        where:
        database     | schema   | maxStatements
        'H2'         | 'PUBLIC' | 5
        'PostgreSQL' | 'public' | 4
    }

    private DataSource h2() {
        def ds = new JdbcDataSource()
        ds.setURL("jdbc:h2:file:${tmp.resolve('h2db')}")
        ds
    }

    private DataSource postgres() {
        def ds = new PGSimpleDataSource()
        ds.setURL(TestDatabases.freshPostgres(PG_DB))
        ds
    }
}
