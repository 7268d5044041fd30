package dev.retort.dialect

import dev.retort.testing.CliRun
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code upgrade head --sql --dialect D} piped into the database's own client (psql, mariadb, sqlite3) builds the
 * same schema and rows as the online run, and {@code downgrade head:base --sql} takes it back to the version table.
 */
class OfflineScriptSpec extends Specification {
    static final Path PROJECT = DialectMigrationSpec.PROJECT

    @TempDir Path tmp

    @Requires({ TestDatabases.hasPostgres() && TestDatabases.hasProgram('psql') })
    def "the offline PostgreSQL script run by psql builds what the online upgrade builds"() {
        given:
        String online = TestDatabases.freshPostgres('retort_i3_online')
        String offline = TestDatabases.freshPostgres('retort_i3_offline')
        def server = parse(TestDatabases.postgresServer())
        def psql = ['psql', '-v', 'ON_ERROR_STOP=1', '-q', '-h', server.host, '-p', server.port ?: '5432', '-U', server.user ?: 'postgres', '-d', 'retort_i3_offline']

        expect:
        sameAfterBothWays('postgresql', online, offline, psql)
    }

    @Requires({ TestDatabases.hasMariadb() && TestDatabases.hasProgram('mariadb') })
    def "the offline MariaDB script run by mariadb builds what the online upgrade builds"() {
        given:
        String online = TestDatabases.freshMariadb('retort_i3_online')
        String offline = TestDatabases.freshMariadb('retort_i3_offline')
        def server = parse(TestDatabases.mariadbServer())
        def client = ['mariadb', '-h', server.host, '-P', server.port ?: '3306', '-u', server.user ?: 'root', 'retort_i3_offline']

        expect:
        sameAfterBothWays('mariadb', online, offline, client)
    }

    @Requires({ TestDatabases.hasProgram('sqlite3') })
    def "the offline SQLite script run by sqlite3 builds what the online upgrade builds"() {
        given:
        Path offlineFile = tmp.resolve('offline.db')

        expect:
        sameAfterBothWays('sqlite', "jdbc:sqlite:${tmp.resolve('online.db')}", "jdbc:sqlite:$offlineFile", ['sqlite3', '-bail', offlineFile.toString()])
    }

    boolean sameAfterBothWays(String dialect, String onlineUrl, String offlineUrl, List<String> client) {
        assert DialectMigrationSpec.retort(onlineUrl, 'upgrade', 'head').exitCode == 0
        String up = sql('upgrade', 'head', '--sql', '--dialect', dialect)
        assert up.contains('-- Running upgrade a1000000000a -> b2000000000b')
        pipe(up, client)
        def onlineSchema = DialectMigrationSpec.withConnection(onlineUrl) { SchemaSnapshot.read(it) }
        def offlineSchema = DialectMigrationSpec.withConnection(offlineUrl) { SchemaSnapshot.read(it) }
        assert offlineSchema.tables.keySet() == ['etiquetas', 'grupos', 'retort_version', 'usuarios'] as Set
        // The online run also keeps retort_history, which an offline script does not write.
        assert offlineSchema.tables == onlineSchema.tables.findAll { it.key != 'retort_history' }
        String users = 'SELECT nome_completo, email, idade FROM usuarios ORDER BY id'
        assert DialectMigrationSpec.rows(offlineUrl, users) == DialectMigrationSpec.rows(onlineUrl, users)
        assert DialectMigrationSpec.rows(offlineUrl, 'SELECT version_num FROM retort_version') == [['c3000000000c']]

        pipe(sql('downgrade', 'head:base', '--sql', '--dialect', dialect), client)
        assert DialectMigrationSpec.withConnection(offlineUrl) { SchemaSnapshot.read(it) }.tables.keySet() == ['retort_version'] as Set
        true
    }

    static String sql(String... command) {
        def run = CliRun.of(['-c', PROJECT.toString()] + (command as List))
        assert run.exitCode == 0: run.err
        run.out
    }

    static void pipe(String script, List<String> command) {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start()
        p.outputStream.withWriter('UTF-8') { it << script }
        String output = p.inputStream.getText('UTF-8')
        assert p.waitFor() == 0: "${command[0]} failed: $output"
    }

    /** Host, port and user of a JDBC server URL such as jdbc:postgresql://127.0.0.1:5432/test?user=postgres. */
    static Map parse(String url) {
        def m = url =~ /^jdbc:\w+:\/\/([^\/:?]+)(?::(\d+))?\/[^?]*(?:\?(.*))?$/
        assert m.matches(): url
        String user = (m.group(3) ?: '').split('&').find { it.startsWith('user=') }?.substring(5)
        [host: m.group(1), port: m.group(2), user: user]
    }
}
