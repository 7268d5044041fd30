package dev.retort.internal.autogen

import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.IgnoreIf
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
        if (!AutogenProject.dialectRegistered(dialect)) return false
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

    @IgnoreIf({ !AutogenerateRoundTripSpec.available(data.dialect) })
    def "autogenerate, upgrade and check round-trip a #language model and a change to it on #dialect"() {
        given: 'an empty database and a model with every feature, revisions written in the same language'
        def project = new AutogenProject(tmp.resolve('project'), dialect,
                urlFor(dialect, language == 'kotlin' ? 'retort_i8k_roundtrip' : 'retort_i8_roundtrip'), language)
        project.model(AutogenProject.modelV1(language))

        expect: 'check sees the whole model missing'
        project.run('check') == 1
        project.lastOut().contains('add table usuarios')

        when: 'the first revision is generated and applied'
        int generated = project.run('revision', '--autogenerate', '-m', 'initial schema', '--rev-id', 'a1a1a1a1a1a1')
        int upgraded = project.run('upgrade', 'head')

        then: 'check is clean'
        generated == 0
        project.dir.resolve('versions').toFile().list().toList()*.endsWith(language == 'kotlin' ? '.kts' : '.groovy') == [true]
        upgraded == 0
        project.run('check') == 0
        project.lastOut().trim() == 'No new upgrade operations detected.'

        when: 'the model changes: a column added, a type changed, an index dropped, a foreign key added'
        project.model(AutogenProject.modelV2(language))
        int dirty = project.run('check')
        def listed = project.lastOut()
        project.run('revision', '--autogenerate', '-m', 'second', '--rev-id', 'b2b2b2b2b2b2')
        int upgradedAgain = project.run('upgrade', 'head')

        then: 'check listed exactly those changes, and is clean after the upgrade'
        dirty == 1
        listed.readLines().drop(1)*.trim() as Set == [
                'remove index ix_usuarios_nome on usuarios [nome]',
                'add column usuarios.telefone',
                'add column produtos.revisor_id',
                'change column produtos.preco: type integer -> numeric(10, 2)',
                'add foreign key fk_produtos_revisor_id_usuarios on produtos [revisor_id] -> usuarios [id]'] as Set
        upgradedAgain == 0
        project.run('check') == 0

        when: 'both revisions are downgraded'
        int down1 = project.run('downgrade', '-1')
        int checkAfterOne = project.run('check')
        def afterOne = project.lastOut()
        int down2 = project.run('downgrade', '-1')

        then: 'one step back the database is the first model again, two steps back it is empty'
        down1 == 0
        checkAfterOne == 1
        afterOne.contains('add column usuarios.telefone')
        down2 == 0
        project.liveSchema().tables().isEmpty()

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
        def project = new AutogenProject(tmp.resolve('behind'), 'h2', urlFor('h2'))
        project.model(AutogenProject.MODEL_V1)
        project.run('revision', '--autogenerate', '-m', 'initial schema', '--rev-id', 'a1a1a1a1a1a1')

        when:
        int code = project.run('revision', '--autogenerate', '-m', 'again')

        then:
        code == 1
        project.lastErr().contains('Target database is not up to date.')
        project.dir.resolve('versions').toFile().list().length == 1
    }
}
