package dev.retort.safety

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class ValidateSpec extends Specification {
    @TempDir Path tmp

    TempProject p
    Path first
    Path second

    def setup() {
        p = new TempProject(tmp, "jdbc:h2:file:${tmp.resolve('db/validate').toString().replace('\\', '/')}")
        first = p.revisionWithHeader('eeee00000001', null, '''\
            upgrade {
                createTable('t1') { column 'id', integer, primaryKey: true }
            }
            ''')
        second = p.revisionWithHeader('eeee00000002', 'eeee00000001', '''\
            upgrade {
                addColumn 't1', 'name', string(20)
            }
            ''')
        assert p.run('upgrade', 'head').exitCode == 0
    }

    def "validate passes when every applied script is as it ran"() {
        when:
        def r = p.run('validate')

        then:
        r.exitCode == 0
        r.out.trim() == 'OK: the 2 applied revision(s) match their scripts.'
    }

    def "line-ending-only changes (#endings) do not count"() {
        given:
        [first, second].each { Files.writeString(it, Files.readString(it).replace('\n', endings)) }

        expect:
        p.run('validate').exitCode == 0

        where:
        endings << ['\r\n', '\r']
    }

    def "validate exits 1 naming an edited applied script, also as JSON"() {
        given:
        Files.writeString(second, Files.readString(second).replace('string(20)', 'string(40)'))

        when:
        def text = p.run('validate')
        def json = p.run('--json', 'validate')

        then:
        text.exitCode == 1
        text.out.readLines()[0].startsWith('changed: versions/eeee00000002.groovy (revision eeee00000002) differs from the script applied at ')
        !text.out.contains('eeee00000001.groovy')
        json.exitCode == 1
        json.out.startsWith('{"valid":false,"history":true,"revisions":[{"revision":"eeee00000001","script":"versions/eeee00000001.groovy","status":"unchanged",')
        json.out =~ /\{"revision":"eeee00000002","script":"versions\/eeee00000002.groovy","status":"changed","recorded_checksum":"[0-9a-f]{64}","current_checksum":"[0-9a-f]{64}"/
    }

    def "validate exits 1 naming an applied script whose file is gone"() {
        given:
        Files.delete(second)

        when:
        def r = p.run('validate')

        then:
        r.exitCode == 1
        r.out.contains('missing: versions/eeee00000002.groovy (revision eeee00000002) was applied at ')
    }

    def "a revision taken out by downgrade is no longer checked"() {
        given:
        assert p.run('downgrade', 'eeee00000001').exitCode == 0
        Files.writeString(second, Files.readString(second).replace('string(20)', 'string(40)'))

        expect:
        p.run('validate').exitCode == 0
        p.run('history', '-v').out.contains('Applied: ')
    }
}
