package dev.retort.cli

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/** A password given any way never shows in what the launcher prints, whether the command works or fails. */
class DatabaseSecretsSpec extends Specification {
    static final String SECRET = 'Wr0ng-Pa55-i6-zq'

    @TempDir Path p

    private CliRun run(String url, String how, List<String> command, boolean debug, boolean create = false) {
        String target = url.replaceAll(/[?].*$/, '')
        Map<String, Object> settings = [user: url.startsWith('jdbc:postgresql') ? 'postgres' : 'root', create_database: create]
        List<String> args = []
        Map env = [:]
        switch (how) {
            case 'flag': args += ['--password', SECRET]; break
            case 'ini': settings.password = SECRET; break
            case 'env interpolation': settings.password = '${env:APP_PW}'; env.APP_PW = SECRET; break
            case 'RETORT_PASSWORD': env.RETORT_PASSWORD = SECRET; break
            case 'url parameter': target += "?password=$SECRET"; break
            case '-x': args += ['-x', "password=$SECRET".toString()]; break
        }
        def project = new TempProject(p, target, settings)
        project.write('2024_01_01_0000-eeee00000001_t.groovy',
                "revision 'eeee00000001'\nmessage 't'\nupgrade {\n    createTable('i6_secret_t') {\n        column 'id', integer, primaryKey: true\n    }\n}\n")
        CliRun.of(['-c', project.ini.toString()] + args + (debug ? ['--debug'] : []) + command, env)
    }

    /** PostgreSQL here trusts local connections, so the password is accepted: the run fails on the missing database. */
    @Requires({ TestDatabases.hasPostgres() && TestDatabases.hasDialectFor('jdbc:postgresql://h/d') })
    def "PostgreSQL: the password (#how) is absent from all output of #command, debug #debug"() {
        given:
        String url = TestDatabases.replaceDatabase(TestDatabases.postgresServer(), 'retort_i6_no_such_db')

        when:
        def r = run(url, how, command, debug)

        then:
        r.exitCode == 1
        r.err.contains('retort_i6_no_such_db')
        !(r.out + r.err).contains(SECRET)

        where:
        [how, command, debug] << [['flag', 'ini', 'env interpolation', 'RETORT_PASSWORD', 'url parameter', '-x'],
                                  [['upgrade', 'head'], ['current']], [false, true]].combinations()
    }

    /** With create_database the first connection is Retort's own (to the server), so this runs without the MariaDB dialect too. */
    @Requires({ TestDatabases.hasMariadb() && (data.create || TestDatabases.hasDialectFor('jdbc:mariadb://h/d')) })
    def "MariaDB: a wrong password (#how) fails without showing it, create_database #create, debug #debug"() {
        given:
        String url = TestDatabases.freshMariadb('retort_i6_secrets')

        when:
        def r = run(url, how, ['upgrade', 'head'], debug, create)

        then:
        r.exitCode == 1
        r.err.contains('Access denied')
        !(r.out + r.err).contains(SECRET)

        where:
        [how, debug, create] << [['flag', 'ini', 'env interpolation', 'RETORT_PASSWORD', 'url parameter', '-x'], [false, true], [true, false]].combinations()
    }
}
