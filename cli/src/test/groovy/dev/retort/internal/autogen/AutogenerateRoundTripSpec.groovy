package dev.retort.internal.autogen

import dev.retort.dsl.schema.SchemaModel
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.database.SchemaReflector
import dev.retort.internal.db.Database
import dev.retort.internal.db.MigrationLock
import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The autogenerate story on every database: from an empty database to the model, a change to the model, and back
 * down to nothing, with {@code check} clean after each upgrade. A database runs here once its dialect is
 * registered and (for servers) the test server is configured.
 */
class AutogenerateRoundTripSpec extends Specification {
    @TempDir Path tmp

    static boolean available(String dialect) {
        if (!TestDatabases.hasDialect(dialect)) return false
        switch (dialect) {
            case 'postgresql': return TestDatabases.hasPostgres()
            case 'mariadb': return TestDatabases.hasMariadb()
            default: return true
        }
    }

    /** @param serverDatabase the name of the database created on the PostgreSQL or MariaDB test server */
    String urlFor(String dialect, String serverDatabase = 'retort_i8_roundtrip') {
        switch (dialect) {
            case 'h2': return "jdbc:h2:file:${tmp.resolve('db').toAbsolutePath()}"
            case 'sqlite': return "jdbc:sqlite:${tmp.resolve('db.sqlite').toAbsolutePath()}"
            case 'postgresql': return TestDatabases.freshPostgres(serverDatabase)
            case 'mariadb': return TestDatabases.freshMariadb(serverDatabase)
        }
        throw new IllegalArgumentException(dialect)
    }

    @Requires({ AutogenerateRoundTripSpec.available(data.dialect) })
    def "autogenerate, upgrade and check round-trip a #language model and a change to it on #dialect"() {
        given: 'an empty database and a model with every feature, revisions written in the same language'
        def project = new TempProject(tmp.resolve('project'),
                urlFor(dialect, language == 'kotlin' ? 'retort_i8k_roundtrip' : 'retort_i8_roundtrip'), [language: language])
        project.model(AutogenModels.modelV1(language))

        expect: 'check sees the whole model missing'
        with(project.run('check')) {
            exitCode == 1
            out.contains('add table usuarios')
        }

        when: 'the first revision is generated and applied'
        def generated = project.run('revision', '--autogenerate', '-m', 'initial schema', '--rev-id', 'a1a1a1a1a1a1')
        def upgraded = project.run('upgrade', 'head')

        then: 'check is clean'
        generated.exitCode == 0
        project.versions.toFile().list().toList()*.endsWith(language == 'kotlin' ? '.kts' : '.groovy') == [true]
        upgraded.exitCode == 0
        with(project.run('check')) {
            exitCode == 0
            out.trim() == 'No new upgrade operations detected.'
        }

        when: 'the model changes: a column added, a type changed, an index dropped, a foreign key added'
        project.model(AutogenModels.modelV2(language))
        def dirty = project.run('check')
        project.run('revision', '--autogenerate', '-m', 'second', '--rev-id', 'b2b2b2b2b2b2')
        def upgradedAgain = project.run('upgrade', 'head')

        then: 'check listed exactly those changes, and is clean after the upgrade'
        dirty.exitCode == 1
        dirty.out.readLines().drop(1)*.trim() as Set == [
                'remove index ix_usuarios_nome on usuarios [nome]',
                'add column usuarios.telefone',
                'add column produtos.revisor_id',
                'change column produtos.preco: type integer -> numeric(10, 2)',
                'add foreign key fk_produtos_revisor_id_usuarios on produtos [revisor_id] -> usuarios [id]'] as Set
        upgradedAgain.exitCode == 0
        project.run('check').exitCode == 0

        when: 'both revisions are downgraded'
        def down1 = project.run('downgrade', '-1')
        def afterOne = project.run('check')
        def down2 = project.run('downgrade', '-1')

        then: 'one step back the database is the first model again, two steps back it is empty'
        down1.exitCode == 0
        afterOne.exitCode == 1
        afterOne.out.contains('add column usuarios.telefone')
        down2.exitCode == 0
        liveSchema(project).tables().isEmpty()

        where:
        dialect      | language
        'h2'         | 'groovy'
        'postgresql' | 'groovy'
        'mariadb'    | 'groovy'
        'sqlite'     | 'groovy'
        'h2'         | 'kotlin'
        'postgresql' | 'kotlin'
        'mariadb'    | 'kotlin'
        'sqlite'     | 'kotlin'
    }

    def "revision --autogenerate refuses when the database is not at head"() {
        given:
        def project = new TempProject(tmp.resolve('behind'), urlFor('h2'), [language: 'groovy'])
        project.model(AutogenModels.MODEL_V1)
        project.run('revision', '--autogenerate', '-m', 'initial schema', '--rev-id', 'a1a1a1a1a1a1')

        when:
        def again = project.run('revision', '--autogenerate', '-m', 'again')

        then:
        again.exitCode == 1
        again.err.contains('Target database is not up to date.')
        project.versions.toFile().list().length == 1
    }

    /** The database's tables as autogenerate sees them (the version, history and lock tables left out). */
    static SchemaModel liveSchema(TempProject project) {
        def config = ConfigLoader.load(project.ini, null, [:], [:], [:])
        Database db = Database.connect(config.url(), config.user(), config.password(), config.pool())
        try {
            def c = db.connection()
            try {
                return SchemaReflector.forDialect(db.dialect()).reflect(c,
                        [config.versionTable(), config.historyTable(), MigrationLock.lockTable(config.versionTable())] as Set)
            } finally { c.close() }
        } finally { db.close() }
    }
}
