package dev.retort.api

import java.nio.file.Files
import java.nio.file.Path
import org.h2.jdbcx.JdbcDataSource
import spock.lang.Specification
import spock.lang.TempDir

/** What an embedding application (the Spring Boot starter) asks before and after it migrates: state and validation. */
class RetortStateApiSpec extends Specification {
    @TempDir Path dir

    Retort engine(Path versions) {
        def ds = new JdbcDataSource()
        ds.URL = "jdbc:h2:file:${dir}/state"
        ds.user = 'sa'
        Retort.configure().dataSource(ds).versionLocations(versions.toString()).load()
    }

    Path versions() {
        def versions = Files.createDirectories(dir.resolve('versions'))
        ['001_create_pessoas.groovy', '002_add_email.groovy'].each { name ->
            versions.resolve(name).text = getClass().getResourceAsStream("/db/apitest/$name").text
        }
        versions
    }

    def "revisions lists every revision newest first, applied or pending, with when it ran"() {
        given:
        def retort = engine(versions())

        when:
        def before = retort.revisions()

        then:
        before*.revision()*.id() == ['b1c2d3e4f5a6', 'a0b1c2d3e4f5']
        before.every { !it.applied() && it.appliedAt() == null }

        when:
        retort.upgrade('a0b1c2d3e4f5')
        def after = retort.revisions()

        then:
        after*.applied() == [false, true]
        after[1].appliedAt() != null
        after[0].appliedAt() == null
        after[0].revision().head()

        cleanup:
        retort?.close()
    }

    def "validate passes while applied scripts are unchanged and names the script that changed"() {
        given:
        def versions = versions()
        def retort = engine(versions)

        expect: 'nothing ran yet: nothing to check'
        retort.validate().isEmpty()

        when:
        retort.upgrade('head')

        then:
        retort.validate()*.revision() as Set == ['a0b1c2d3e4f5', 'b1c2d3e4f5a6'] as Set

        when:
        versions.resolve('002_add_email.groovy').text += "\n// edited after it ran\n"
        engine(versions).validate()

        then:
        def e = thrown(RetortException.ValidationError)
        e.message.contains('changed: ')
        e.message.contains('002_add_email.groovy (revision b1c2d3e4f5a6)')
        e.message.contains('1 of 2 applied revision(s) no longer match their scripts')

        cleanup:
        retort?.close()
    }
}
