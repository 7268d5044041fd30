package dev.retort.api

import dev.retort.dsl.env.EnvironmentHooks
import dev.retort.dsl.env.MigrationStep
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import org.h2.jdbcx.JdbcDataSource
import spock.lang.Specification
import spock.lang.TempDir

/** The Java API runs the environment script beside its configuration file, and hooks an application registers in code. */
class EnvironmentHooksApiSpec extends Specification {
    @TempDir Path dir

    def "an engine loaded from retort.ini runs the env.groovy beside it, then the hooks given in code"() {
        given:
        def project = new TempProject(dir)
        project.revision('4000dddd0001', "revision '4000dddd0001'\nmessage 'create t'\nupgrade { createTable('t') { column 'id', integer } }")
        Files.writeString(dir.resolve('env.groovy'), "beforeEach { step -> System.setProperty('retort.spec.env', step.revision) }\n")
        List<String> seen = []
        def hooks = EnvironmentHooks.builder()
                .beforeEach { MigrationStep step -> seen << "code sees ${step.revision()} after the script: ${System.getProperty('retort.spec.env')}".toString() }
                .configureConnection { c -> seen << 'connection' }
                .build()

        when:
        def retort = Retort.configure().configFile(project.ini).hooks(hooks).load()
        retort.upgrade('head')

        then:
        seen.findAll { it != 'connection' } == ['code sees 4000dddd0001 after the script: 4000dddd0001']
        seen.contains('connection')

        cleanup:
        retort?.close()
        System.clearProperty('retort.spec.env')
    }

    def "an engine configured in code takes hooks in code, and a hook that throws fails the upgrade with its message"() {
        given:
        def versions = Files.createDirectories(dir.resolve('versions'))
        Files.writeString(versions.resolve('a.groovy'), "revision '4000dddd0002'\nmessage 'create u'\nupgrade { createTable('u') { column 'id', integer } }\n")
        def ds = new JdbcDataSource()
        ds.URL = "jdbc:h2:file:${dir}/api"
        ds.user = 'sa'
        def hooks = EnvironmentHooks.builder().afterEach { step, result -> throw new IllegalStateException('audit log is down') }.build()

        when:
        def retort = Retort.configure().dataSource(ds).versionLocations(versions.toString()).hooks(hooks).load()
        retort.upgrade('head')

        then:
        def e = thrown(RetortException)
        e.message == 'the afterEach (upgrade 4000dddd0002 (create u)) hook registered in code failed: audit log is down'
        retort.current().isEmpty()

        cleanup:
        retort?.close()
    }
}
