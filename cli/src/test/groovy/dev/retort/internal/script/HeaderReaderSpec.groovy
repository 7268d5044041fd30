package dev.retort.internal.script

import java.nio.file.Path
import spock.lang.Specification

class HeaderReaderSpec extends Specification {
    def file = Path.of('versions/x.groovy')

    def "reads a Groovy header without compiling"() {
        when:
        def r = HeaderReader.read(file, '''\
            revision '3f2a1c9d0b7e'
            revises '1975ea83b712'            // the parent
            message 'add email to usuarios'
            branchLabels 'billing'
            dependsOn 'c1d2e3f4a5b6', "d2e3f4a5b6c7"

            upgrade {
                column 'message', text
            }
            '''.stripIndent())

        then:
        r.id() == '3f2a1c9d0b7e'
        r.downRevisions() == ['1975ea83b712']
        r.message() == 'add email to usuarios'
        r.branchLabels() == ['billing']
        r.dependsOn() == ['c1d2e3f4a5b6', 'd2e3f4a5b6c7']
    }

    def "reads a Kotlin header and a merge with several parents"() {
        when:
        def r = HeaderReader.read(Path.of('m.kts'), '''\
            revision("e5f6a7b8c9d0")
            revises("a1", "b2")
            message("merge \\"billing\\" and main")
            '''.stripIndent())

        then:
        r.id() == 'e5f6a7b8c9d0'
        r.downRevisions() == ['a1', 'b2']
        r.message() == 'merge "billing" and main'
        r.isMerge()
    }

    def "a root revision has no parents and an empty message when none is given"() {
        expect:
        HeaderReader.read(file, "revision 'aaaabbbbcccc'\n").with { downRevisions().isEmpty() && message() == '' }
    }

    def "a malformed header is an error naming the file and line"() {
        when:
        HeaderReader.read(file, text)

        then:
        def e = thrown(ScriptException)
        e.line() == line
        e.message.startsWith("versions/x.groovy:$line: ")
        e.message.contains(fragment)

        where:
        text                                              || line | fragment
        "message 'no id'\n"                               || 1    | 'no revision header'
        "revision '1234567890ab'\nrevises PARENT\n"      || 2    | 'string literals only'
        "revision '1234567890ab'\nrevises 'a' + 'b'\n"   || 2    | "unexpected text after revises"
        "revision 'abc\n"                                 || 1    | 'unterminated string'
        "revision '1234567890ab'\nrevision 'ffff'\n"     || 2    | 'declared twice'
        "revision \"\${id}\"\n"                           || 1    | 'interpolation'
        "revision '1234567890ab'\nmessage('a', 'b')\n"   || 2    | 'exactly one string'
    }
}
