package dev.retort.spring.boot

import dev.retort.api.Retort
import dev.retort.api.RetortException
import dev.retort.spring.boot.actuate.RetortEndpoint
import dev.retort.spring.boot.actuate.RetortEndpointAutoConfiguration
import java.nio.file.Files
import java.nio.file.Path
import javax.sql.DataSource
import org.h2.jdbcx.JdbcDataSource
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.context.annotation.Primary
import org.springframework.jdbc.core.JdbcTemplate
import spock.lang.Specification
import spock.lang.TempDir

/** The auto-configuration in a real (Boot 3.5) application context, on in-memory H2 databases. */
class RetortAutoConfigurationSpec extends Specification {
    @TempDir Path dir

    static int databases = 0
    String db = "starter_${databases++}"

    ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration, JdbcTemplateAutoConfiguration,
                    RetortAutoConfiguration, RetortEndpointAutoConfiguration))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:${db};DB_CLOSE_DELAY=-1", 'spring.datasource.username=sa')

    static List<String> tables(DataSource ds) {
        new JdbcTemplate(ds).queryForList("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String)
    }

    def "upgrades the application's data source to head from classpath:db/retort at start-up"() {
        expect:
        runner.run { context ->
            assert context.startupFailure == null
            assert context.getBean(Retort).current()*.id() == ['5a1e0c0a0002']
            assert tables(context.getBean(DataSource)).containsAll(['livros', 'retort_version', 'retort_history'])
        }
    }

    def "a bean that queries through JdbcTemplate when it is created runs after the migration"() {
        expect:
        runner.withUserConfiguration(BookCount).run { context ->
            assert context.startupFailure == null
            assert context.getBean(BookCount.Counted).count == 1
        }
    }

    def "retort.enabled=false skips the migration and defines no Retort bean"() {
        expect:
        runner.withPropertyValues('retort.enabled=false').run { context ->
            assert context.startupFailure == null
            assert !context.containsBean('retort')
            assert !tables(context.getBean(DataSource)).contains('livros')
        }
    }

    def "without a data source, retort.url or a config file there is nothing to migrate and no Retort bean"() {
        expect:
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RetortAutoConfiguration)).run { context ->
            assert context.startupFailure == null
            assert !context.containsBean('retort')
        }
    }

    def "retort.target stops at the given revision"() {
        expect:
        runner.withPropertyValues('retort.target=5a1e0c0a0001').run { context ->
            assert context.getBean(Retort).current()*.id() == ['5a1e0c0a0001']
        }
    }

    def "a RetortMigrationStrategy bean replaces the default run"() {
        expect:
        runner.withUserConfiguration(FirstRevisionOnly).run { context ->
            assert context.startupFailure == null
            assert context.getBean(Retort).current()*.id() == ['5a1e0c0a0001']
        }
    }

    def "a data source qualified @RetortDataSource is migrated instead of the application's"() {
        expect:
        runner.withUserConfiguration(TwoDataSources).run { context ->
            assert context.startupFailure == null
            assert tables(context.getBean('migrationDataSource', DataSource)).contains('livros')
            assert !tables(context.getBean('appDataSource', DataSource)).contains('livros')
        }
    }

    def "retort.url gives a separate migration connection"() {
        expect:
        runner.withPropertyValues("retort.url=jdbc:h2:file:${dir}/separate", 'retort.user=sa', 'retort.password=').run { context ->
            assert context.startupFailure == null
            assert !tables(context.getBean(DataSource)).contains('livros')
            assert Files.exists(dir.resolve('separate.mv.db'))
        }
    }

    def "retort.locations may name a folder, with or without filesystem:"() {
        given:
        def versions = Files.createDirectories(dir.resolve('versions'))
        versions.resolve('001.groovy').text = "revision 'f01de0000001'\nupgrade {\n    createTable('pastas') {\n        column 'id', integer, primaryKey: true\n    }\n}\n"

        expect:
        runner.withPropertyValues("retort.locations=${prefix}${versions}").run { context ->
            assert context.startupFailure == null
            assert tables(context.getBean(DataSource)).contains('pastas')
        }

        where:
        prefix << ['', 'filesystem:']
    }

    def "a failing revision fails the start with Retort's message naming the file, and the failure analysis shows it"() {
        expect:
        runner.withPropertyValues('retort.locations=classpath:db/broken').run { context ->
            Throwable failure = context.startupFailure
            assert failure != null
            RetortException cause = causeOf(failure, RetortException)
            assert cause instanceof RetortException.DatabaseError || cause instanceof RetortException.ScriptError
            assert cause.message.contains('2026_01_05_0900-b0b0b0b00001_broken.groovy')
            assert cause.message.contains('nao_existe'.toUpperCase()) || cause.message.contains('nao_existe')

            def analysis = new RetortFailureAnalyzer().analyze(failure)
            assert analysis.description.startsWith('Retort could not migrate the database: ')
            assert analysis.description.contains('b0b0b0b00001_broken.groovy')
            assert analysis.action.contains('retort.enabled=false')
        }
    }

    def "validate-on-migrate stops the start when an applied script changed, unless it is turned off"() {
        given:
        def versions = Files.createDirectories(dir.resolve('changing'))
        def script = versions.resolve('001.groovy')
        script.text = "revision 'c4a0e0000001'\nupgrade {\n    createTable('mudancas') {\n        column 'id', integer, primaryKey: true\n    }\n}\n"
        def onFile = runner.withPropertyValues("retort.locations=${versions}", "spring.datasource.url=jdbc:h2:file:${dir}/changing")

        when:
        onFile.run { assert it.startupFailure == null }
        script.text += '// edited after it ran\n'

        then:
        onFile.run { context ->
            def cause = causeOf(context.startupFailure, RetortException.ValidationError)
            assert cause.message.contains('001.groovy (revision c4a0e0000001)')
            assert new RetortFailureAnalyzer().analyze(context.startupFailure).action.contains('retort.validate-on-migrate=false')
        }
        onFile.withPropertyValues('retort.validate-on-migrate=false').run { assert it.startupFailure == null }
    }

    def "retort.lint=error refuses to start on an error finding in the pending revisions; warn logs it and migrates"() {
        given:
        def versions = Files.createDirectories(dir.resolve('linted'))
        versions.resolve('001.groovy').text = "revision 'a1a0e0000001'\nupgrade {\n    createTable('velhos') {\n        column 'id', integer, primaryKey: true\n        column 'nome', string(20)\n    }\n}\n"
        versions.resolve('002.groovy').text = "revision 'a1a0e0000002'\nrevises 'a1a0e0000001'\nupgrade {\n    dropColumn 'velhos', 'nome'\n}\n"
        def linted = runner.withPropertyValues("retort.locations=${versions}")

        expect:
        linted.withPropertyValues('retort.lint=error').run { context ->
            def cause = causeOf(context.startupFailure, RetortLintException)
            assert cause.message.startsWith('retort.lint=error is set and lint found 1 error(s) in the pending revisions')
            assert cause.message.contains('002.groovy:4 RT102 error: dropColumn velhos.nome')
            def analysis = new RetortFailureAnalyzer().analyze(context.startupFailure)
            assert analysis.description == cause.message
            assert analysis.action.contains('safetyAssured { }') && analysis.action.contains('retort.lint=warn')
        }
        linted.withPropertyValues('retort.lint=warn').run { context ->
            assert context.startupFailure == null
            assert tables(context.getBean(DataSource)).contains('velhos')
        }
        linted.withPropertyValues('retort.lint=off').run { assert it.startupFailure == null }
    }

    def "retort.naming-convention names what the revisions leave unnamed, as retort.ini's naming_convention does"() {
        given:
        def versions = Files.createDirectories(dir.resolve('named'))
        versions.resolve('001.groovy').text = "revision 'b1a0e0000001'\nupgrade {\n    createTable('clientes') {\n" +
                "        column 'id', integer, primaryKey: true\n        column 'email', string(50), unique: true\n    }\n}\n"

        expect:
        runner.withPropertyValues("retort.locations=${versions}", 'retort.naming-convention.uq=uq_%(table_name)s_%(column_0_name)s',
                'retort.naming-convention.pk=pk_%(table_name)s').run { context ->
            assert context.startupFailure == null
            def names = new JdbcTemplate(context.getBean(DataSource)).queryForList(
                    "SELECT LOWER(constraint_name) FROM information_schema.table_constraints WHERE LOWER(table_name) = 'clientes'", String)
            assert names.containsAll(['uq_clientes_email', 'pk_clientes'])
        }
    }

    def "retort.section without retort.config-file is a setting error naming both"() {
        expect:
        runner.withPropertyValues('retort.section=prod').run { context ->
            assert causeOf(context.startupFailure, RetortSettingException).message.contains('retort.section=prod is set without retort.config-file')
        }
    }

    def "a config file supplies the settings, its section overrides, and retort.locations still wins"() {
        given:
        def ini = dir.resolve('retort.ini')
        ini.text = "[retort]\nversion_table = livros_version\n[prod]\nversion_table = prod_version\n"

        expect:
        runner.withPropertyValues("retort.config-file=${ini}", 'retort.section=prod', 'retort.locations=classpath:db/retort').run { context ->
            assert context.startupFailure == null
            assert tables(context.getBean(DataSource)).containsAll(['livros', 'prod_version'])
        }
    }

    def "the actuator endpoint lists every revision, applied or pending, once it is exposed"() {
        expect:
        runner.withPropertyValues('retort.target=5a1e0c0a0001', 'management.endpoints.web.exposure.include=retort').run { context ->
            def answer = context.getBean(RetortEndpoint).revisions()
            assert answer.current() == ['5a1e0c0a0001']
            assert answer.revisions()*.id() == ['5a1e0c0a0002', '5a1e0c0a0001']
            assert answer.revisions()*.state() == ['pending', 'applied']
            assert answer.revisions()[1].appliedAt() != null
            assert answer.revisions()[0].script().endsWith('5a1e0c0a0002_add_autor.groovy')
        }
        runner.run { assert !it.containsBean('retortEndpoint') }
    }

    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.cause) if (type.isInstance(t)) return type.cast(t)
        throw new AssertionError("no ${type.simpleName} in ${failure}")
    }

    @Configuration(proxyBeanMethods = false)
    static class BookCount {
        static class Counted { int count }

        @Bean Counted counted(JdbcTemplate jdbc) { new Counted(count: jdbc.queryForObject('SELECT COUNT(*) FROM livros', Integer)) }
    }

    @Configuration(proxyBeanMethods = false)
    static class FirstRevisionOnly {
        @Bean RetortMigrationStrategy strategy() { { Retort r -> r.upgrade('5a1e0c0a0001') } as RetortMigrationStrategy }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        static DataSource h2(String name) {
            def ds = new JdbcDataSource()
            ds.URL = "jdbc:h2:mem:${name};DB_CLOSE_DELAY=-1"
            ds.user = 'sa'
            ds
        }

        @Bean @Primary DataSource appDataSource() { h2("app_${databases++}") }

        @Bean @RetortDataSource DataSource migrationDataSource() { h2("migration_${databases++}") }
    }
}
