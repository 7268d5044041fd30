package dev.retort.samples

import dev.retort.cli.RetortCli
import groovy.sql.Sql
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** Every sample project upgrades to head and downgrades to base through the CLI, as README shows. */
class SamplesSpec extends Specification {
    static final Path SAMPLES = Path.of(System.getProperty('basedir', '.'))
    @TempDir Path dir

    Map run(String config, String url, String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = RetortCli.run((['-c', config, '--url', url] + (args as List)) as String[],
                new PrintStream(out, true), new PrintStream(err, true), [:])
        [code: code, out: out.toString(), err: err.toString()]
    }

    Set<String> tables(String url) {
        Sql.newInstance(url, 'sa', '').withCloseable { sql ->
            // Without the history and lock tables that every online run keeps.
            (sql.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")*.TABLE_NAME as Set) -
                    ['RETORT_HISTORY', 'RETORT_VERSION_LOCK']
        }
    }

    def "sample #sample upgrades to head and back to base"() {
        given:
        def config = SAMPLES.resolve(sample).resolve('retort.ini').toString()
        def url = "jdbc:h2:file:${dir}/db"

        when:
        def up = run(config, url, 'upgrade', 'head')

        then:
        up.code == 0
        up.out.readLines().size() == revisions
        up.out.readLines().every { it.startsWith('Running upgrade ') }
        tables(url) == (expectedTables + 'RETORT_VERSION') as Set

        when:
        def down = run(config, url, 'downgrade', 'base')

        then:
        down.code == 0
        tables(url) == ['RETORT_VERSION'] as Set

        where:
        sample                 | revisions | expectedTables
        'clientes'             | 2         | ['CLIENTES', 'REGISTRO_ENTRADA']
        'usuarios-produtos'    | 3         | ['USUARIOS', 'PRODUTOS']
        'account'              | 2         | ['ACCOUNT']
        '../'                  | 4         | ['CLIENTES', 'REGISTRO_ENTRADA', 'MOTIVOS']
    }

    def "the account sample's second revision adds its four columns"() {
        given:
        def url = "jdbc:h2:file:${dir}/account"
        run(SAMPLES.resolve('account/retort.ini').toString(), url, 'upgrade', 'head')

        expect:
        Sql.newInstance(url, 'sa', '').withCloseable { sql ->
            sql.rows("SELECT column_name FROM information_schema.columns WHERE table_name = 'ACCOUNT' ORDER BY ordinal_position")*.COLUMN_NAME
        } == ['ID', 'NAME', 'DESCRIPTION', 'CREATED', 'UPDATED', 'BIRTHDATE', 'EMAIL', 'IP_SOURCE', 'LOCATION']
    }
}
