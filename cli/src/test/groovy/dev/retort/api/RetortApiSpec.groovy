package dev.retort.api

import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import org.h2.jdbcx.JdbcDataSource
import spock.lang.Specification
import spock.lang.TempDir

class RetortApiSpec extends Specification {
    @TempDir Path dir

    JdbcDataSource h2(String name) {
        def ds = new JdbcDataSource()
        ds.URL = "jdbc:h2:file:${dir}/${name}"
        ds.user = 'sa'
        ds
    }

    def "an application migrates its data source from versions on its classpath"() {
        given:
        def lines = []
        def retort = Retort.configure().dataSource(h2('app')).versionLocations('classpath:db/apitest')
                .configFile(dir.resolve('absent.ini')).progress { lines << it }.load()

        when:
        def steps = retort.upgrade('head')

        then:
        steps*.revision() == ['a0b1c2d3e4f5', 'b1c2d3e4f5a6']
        steps.every { it.upgrade() }
        lines == ['Running upgrade  -> a0b1c2d3e4f5, create pessoas',
                  'Running upgrade a0b1c2d3e4f5 -> b1c2d3e4f5a6, add email to pessoas']
        retort.current()*.id() == ['b1c2d3e4f5a6']
        retort.current()[0].head()
        retort.history()*.id() == ['b1c2d3e4f5a6', 'a0b1c2d3e4f5']
        retort.upgrade('head').isEmpty()

        when:
        def down = retort.downgrade('base')

        then:
        down*.revision() == ['b1c2d3e4f5a6', 'a0b1c2d3e4f5']
        retort.current().isEmpty()

        cleanup:
        retort?.close()
    }

    def "versions inside a jar on the classpath are read in place"() {
        given:
        def jar = dir.resolve('app.jar')
        new JarOutputStream(Files.newOutputStream(jar)).withCloseable { out ->
            ['db/', 'db/jarred/'].each { out.putNextEntry(new JarEntry(it)); out.closeEntry() }   // as Maven's jar plugin writes them
            ['001_create_pessoas.groovy', '002_add_email.groovy'].each { name ->
                out.putNextEntry(new JarEntry("db/jarred/$name"))
                out << getClass().getResourceAsStream("/db/apitest/$name").bytes
                out.closeEntry()
            }
        }
        def loader = new URLClassLoader([jar.toUri().toURL()] as URL[], (ClassLoader) null)
        def retort = Retort.configure().dataSource(h2('jarred')).classLoader(loader)
                .versionLocations('classpath:db/jarred').configFile(dir.resolve('absent.ini')).load()

        expect:
        retort.upgrade('head')*.revision() == ['a0b1c2d3e4f5', 'b1c2d3e4f5a6']

        cleanup:
        retort?.close()
    }

    def "a config file and its section drive the engine"() {
        given:
        Files.createDirectories(dir.resolve('versions'))
        Files.copy(getClass().getResourceAsStream('/db/apitest/001_create_pessoas.groovy'), dir.resolve('versions/001.groovy'))
        dir.resolve('retort.ini').text = '''[retort]
url = jdbc:h2:mem:never_used
[prod]
url = jdbc:h2:file:${here}/prod
user = sa
'''
        def retort = Retort.configure().configFile(dir.resolve('retort.ini')).section('prod').load()

        expect:
        retort.upgrade('head')*.revision() == ['a0b1c2d3e4f5']
        Files.exists(dir.resolve('prod.mv.db'))
        retort.heads()*.id() == ['a0b1c2d3e4f5']
    }

    def "stamp sets the version table without running, and check compares the model with the database"() {
        given:
        def model = dir.resolve('model.groovy')
        model.text = """
            createTable('pessoas') {
                column 'id', integer, primaryKey: true
                column 'nome', string(80), nullable: false
            }
            """.stripIndent()
        def retort = Retort.configure().dataSource(h2('stamped')).versionLocations('classpath:db/apitest')
                .configFile(dir.resolve('absent.ini')).x('model', model.toString()).load()

        when:
        retort.upgrade('a0b1c2d3e4f5')

        then:
        retort.check().isEmpty()

        when:
        def rows = retort.stamp(false, 'head')

        then:
        rows == ['b1c2d3e4f5a6']
        retort.current()*.id() == ['b1c2d3e4f5a6']
        retort.upgrade('head').isEmpty()

        when:
        model.text = model.text.replace("column 'nome', string(80), nullable: false", "column 'nome', string(80), nullable: false\n    column 'idade', integer")

        then:
        retort.check()*.description().any { it.contains('idade') }

        cleanup:
        retort?.close()
    }

    def "without configFile the API reads no retort.ini, whatever the working folder holds"() {
        given: 'the working folder of this test run has no retort.ini the API could find by accident'
        def retort = Retort.configure().dataSource(h2('nofile')).versionLocations('classpath:db/apitest').load()

        expect:
        retort.upgrade('head')*.revision() == ['a0b1c2d3e4f5', 'b1c2d3e4f5a6']

        cleanup:
        retort?.close()
    }

    def "bad settings are ConfigurationErrors at load or at the first command"() {
        when:
        Retort.configure().versionLocations(dir.resolve('nowhere').toString()).load()

        then:
        thrown(RetortException.ConfigurationError)

        when:
        Retort.configure().url('jdbc:nosuchdb:x').versionLocations('classpath:db/apitest').load().upgrade('head')

        then:
        thrown(RetortException.ConfigurationError)

        when:
        Retort.configure().dataSource(h2('sql')).versionLocations('classpath:db/apitest').load().upgradeSql('head', 'nosuchdialect')

        then:
        thrown(RetortException.ConfigurationError)

        when:
        Retort.configure().section('prod').load()

        then:
        thrown(RetortException.ConfigurationError)
    }

    def "a script that does not compile is a ScriptError naming its file and line"() {
        given:
        def versions = Files.createDirectories(dir.resolve('broken'))
        versions.resolve('001.groovy').text = "revision 'c0ffee000001'\nupgrade {\n    createTable('x') {\n        column 'id' integer\n    }\n}\n"

        when:
        Retort.configure().dataSource(h2('broken')).versionLocations(versions.toString()).load().upgrade('head')

        then:
        def e = thrown(RetortException.ScriptError)
        e.message.contains('001.groovy:')
    }

    def "failures arrive as typed exceptions"() {
        given:
        def retort = Retort.configure().dataSource(h2('errors')).versionLocations('classpath:db/apitest')
                .configFile(dir.resolve('absent.ini')).load()

        when:
        retort.upgrade('ffffeeee')

        then:
        def e = thrown(RetortException.RevisionError)
        e.message.contains("No such revision or branch 'ffffeeee'")

        when:
        Retort.configure().versionLocations('classpath:db/nowhere').configFile(dir.resolve('absent.ini')).load()

        then:
        thrown(RetortException.ConfigurationError)

        when:
        Retort.configure().url('jdbc:h2:tcp://127.0.0.1:1/none').versionLocations('classpath:db/apitest')
                .configFile(dir.resolve('absent.ini')).load().upgrade('head')

        then:
        thrown(RetortException.DatabaseError)
    }
}
