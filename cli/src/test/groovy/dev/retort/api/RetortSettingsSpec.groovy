package dev.retort.api

import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import java.time.Duration
import org.h2.jdbcx.JdbcDataSource
import spock.lang.Specification
import spock.lang.TempDir

/** The Java API's typed settings, its configuration warnings, and compiled revisions an application ships. */
class RetortSettingsSpec extends Specification {
    @TempDir Path dir

    JdbcDataSource h2(String name) {
        def ds = new JdbcDataSource()
        ds.URL = "jdbc:h2:file:${dir}/${name}"
        ds.user = 'sa'
        ds
    }

    List<String> tables(String name) {
        DriverManager.getConnection("jdbc:h2:file:${dir}/${name}", 'sa', '').withCloseable { c ->
            def rs = c.metaData.getTables(null, 'PUBLIC', '%', ['TABLE'] as String[])
            def out = []
            while (rs.next()) out << rs.getString('TABLE_NAME').toLowerCase()
            out.sort()
        }
    }

    def "typed settings reach the engine: the version table is the one named in code"() {
        given:
        def retort = Retort.configure().dataSource(h2('typed')).versionLocations('classpath:db/apitest')
                .versionTable('app_schema_version').lockTimeout(Duration.ofSeconds(5)).transactionPerMigration(true)
                .createDatabase(false).x('cache_dir', dir.resolve('cache').toString()).load()

        when:
        retort.upgrade('head')

        then:
        tables('typed') == ['app_schema_version', 'app_schema_version_lock', 'pessoas', 'retort_history']
        retort.current()*.id() == ['b1c2d3e4f5a6']

        cleanup:
        retort?.close()
    }

    def "a setting made in code wins over the configuration file's"() {
        given:
        Files.createDirectories(dir.resolve('versions'))
        Files.copy(getClass().getResourceAsStream('/db/apitest/001_create_pessoas.groovy'), dir.resolve('versions/001.groovy'))
        dir.resolve('retort.ini').text = '[retort]\nurl = jdbc:h2:file:${here}/fromfile\nuser = sa\nversion_table = from_file\n'
        def retort = Retort.configure().configFile(dir.resolve('retort.ini')).versionTable('from_code').load()

        when:
        retort.upgrade('head')

        then:
        tables('fromfile').contains('from_code')
        !tables('fromfile').contains('from_file')

        cleanup:
        retort?.close()
    }

    def "configuration warnings reach the progress listener, or the warnings listener when one is set"() {
        given:
        Files.createDirectories(dir.resolve('versions'))
        dir.resolve('retort.ini').text = '[retort]\nurl = jdbc:h2:mem:warned\nverison_table = v\n'
        def progress = []
        def warnings = []

        when:
        Retort.configure().configFile(dir.resolve('retort.ini')).progress { progress << it }.load().close()
        Retort.configure().configFile(dir.resolve('retort.ini')).progress { progress << it }.warnings { warnings << it }.load().close()

        then:
        progress == ["warning: ${dir.resolve('retort.ini')}:3 [retort]: unknown key 'verison_table' is ignored; did you mean 'version_table'?".toString()]
        warnings == ["${dir.resolve('retort.ini')}:3 [retort]: unknown key 'verison_table' is ignored; did you mean 'version_table'?".toString()]
    }

    def "an application runs the revisions it ships precompiled on its classpath and compiles nothing"() {
        given: 'the revisions compiled into a jar, and an empty compile cache'
        Path cache = dir.resolve('cache')
        Path jar = dir.resolve('app-revisions.jar')
        def compiled = Retort.configure().dataSource(h2('unused')).versionLocations('classpath:db/apitest')
                .x('cache_dir', cache.toString()).load().withCloseable { it.compile(jar) }
        cache.toFile().deleteDir()
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], getClass().classLoader)

        when:
        def steps = Retort.configure().dataSource(h2('shipped')).versionLocations('classpath:db/apitest').classLoader(loader)
                .x('cache_dir', cache.toString()).load().withCloseable { it.upgrade('head') }

        then:
        compiled.output() == jar
        compiled.revisions() == ['a0b1c2d3e4f5', 'b1c2d3e4f5a6']
        steps*.revision() == ['a0b1c2d3e4f5', 'b1c2d3e4f5a6']
        !Files.exists(cache)

        when: 'the same application without the compiled jar compiles, and caches what it compiled'
        Retort.configure().dataSource(h2('compiled')).versionLocations('classpath:db/apitest')
                .x('cache_dir', cache.toString()).load().withCloseable { it.upgrade('head') }

        then:
        Files.walk(cache).withCloseable { s -> s.filter { it.toString().endsWith('.classes') }.count() } == 2
    }
}
