package dev.retort.internal.config

import java.nio.file.Files
import java.nio.file.Path
import org.apache.commons.configuration2.INIConfiguration
import org.apache.commons.configuration2.interpol.Lookup
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Retort's own INI reader against Commons Configuration, the library it replaced: the same files give the same sections,
 * keys and values (comments, quotes, escapes, continuations, separators, repeated keys, interpolation), so no retort.ini
 * reads differently after the change. Lines are Retort's own addition and are checked by themselves.
 */
class IniFileSpec extends Specification {
    @TempDir Path dir

    static final Map<String, String> ENV = [APP_DB_PASSWORD: 's3cret', SUFFIX: 'x']

    IniFile ours(String text) {
        Path f = dir.resolve('retort.ini')
        Files.writeString(f, text)
        IniFile.read(f, ENV)
    }

    /** Section name to key to value, as Commons Configuration reads it (its dot escaping undone, the first of repeated keys). */
    static Map<String, Map<String, String>> commons(String text) {
        def ini = new INIConfiguration()
        ini.interpolator.registerLookup('env', (Lookup) { String k -> ENV[k] })
        ini.read(new StringReader(text))
        ini.sections.findAll { it != null }.collectEntries { String name ->
            def section = ini.getSection(name)
            [(name): section.keys.toList().collectEntries { String k -> [(k.replace('..', '.')): section.getString(k)] }]
        }
    }

    static Map<String, Map<String, String>> values(IniFile f) {
        f.sections().collectEntries { String name -> [(name): f.section(name).collectEntries { k, v -> [(k): v.value()] }] }
    }

    def "reads #what as Commons Configuration did"() {
        expect:
        values(ours(text)) == commons(text)

        where:
        what                                  | text
        'sections and both separators'        | '[retort]\nurl = jdbc:h2:mem:a\nuser: sa\n\n[prod]\nurl=jdbc:postgresql://db/app?ssl=true&x=1\n'
        'comment lines and trailing comments' | '# top\n; also\n[retort]\nurl = jdbc:h2:mem:a ; the db\nuser = sa # who\nflag = a;b#c\n'
        'quoted values and escapes'           | '[retort]\na = "x ; not a comment"\nb = \'single # too\'\nc = "with \\"quote\\" inside"\nd = "back\\\\slash"\n'
        'continued lines'                     | '[retort]\nlocations = a, \\\n    b, \\\n    c\nnext = 1\n'
        'repeated keys keep the first'        | '[retort]\nurl = first\nurl = second\n'
        'dotted keys'                         | '[retort]\npool.maximumPoolSize = 4\nlint.RT102 = warning\nnaming_convention.fk = fk_%(table_name)s\n'
        'keys without a value'                | '[retort]\nflag\nempty =\n'
        'env and sys interpolation, unset'    | '[retort]\npassword = ${env:APP_DB_PASSWORD}\nv = v_${env:SUFFIX}_${env:NOT_SET_ANYWHERE}\nurl = ${here}/db\n'
        'keys before any section'             | 'orphan = 1\n[retort]\nurl = a\n'
        'spaces around keys and values'       | '[retort]\n  url   =   spaced value   \n'
        'a URL with a colon in the key part'  | '[retort]\nurl = jdbc:h2:file:/tmp/x;MODE=PostgreSQL\n'
        'quotes before and after separators'  | '[retort]\nkey "q" = v\nq = "a=b:c"\n\'k\' : "x"\nno = sep "here"\n'
    }

    def "each key knows its line, the first of a repeated key and the first line of a continued value"() {
        when:
        def f = ours('# c\n[retort]\nurl = a\n\nlocations = a, \\\n  b\nurl = again\n[prod]\nuser = sa\n')

        then:
        f.line('retort', 'url') == 3
        f.line('retort', 'locations') == 5
        f.line('prod', 'user') == 9
        f.line('prod', 'nope') == 0
        f.sections() == ['retort', 'prod']
        f.hasSection('prod') && !f.hasSection('dev')
    }

    def "a byte-order mark before the first section is not part of its name"() {
        expect:
        ours('\uFEFF[retort]\nurl = a\n').section('retort').url.value() == 'a'
    }

    def "a section header's inner spaces do not count (Commons Configuration kept them, so [ retort ] was not [retort])"() {
        expect:
        ours('[ retort ]\nurl = a\n').section('retort').url.value() == 'a'
    }
}
