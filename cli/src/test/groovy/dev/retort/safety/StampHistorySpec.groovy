package dev.retort.safety

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class StampHistorySpec extends Specification {
    @TempDir Path tmp

    def "stamp records a history row per revision it marks applied or not, and validate checks the stamped scripts"() {
        given:
        def p = new TempProject(tmp, "jdbc:h2:file:${tmp.resolve('db/stamp').toString().replace('\\', '/')}")
        def first = p.revisionWithHeader('dddd00000001', null, "upgrade {\n    createTable('t1') { column 'id', integer }\n}\n")
        p.revisionWithHeader('dddd00000002', 'dddd00000001', "upgrade {\n    addColumn 't1', 'name', string(20)\n}\n")

        when: 'the database is stamped at head without running anything'
        def stamped = p.run('stamp', 'head')

        then: 'both revisions get a stamp row with their script checksum, in graph order'
        stamped.exitCode == 0
        p.rows("SELECT revision, direction, from_revisions, to_revisions, script, success FROM retort_history ORDER BY id") == [
                ['dddd00000001', 'stamp', '', 'dddd00000002', 'versions/dddd00000001.groovy', 'TRUE'],
                ['dddd00000002', 'stamp', '', 'dddd00000002', 'versions/dddd00000002.groovy', 'TRUE']]
        p.rows("SELECT count(*) FROM retort_history WHERE checksum IS NULL") == [['0']]
        p.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'T1'") == [['0']]

        when: 'a stamped script is edited'
        Files.writeString(first, first.text.replace("integer", "bigint"))
        def validated = p.run('validate')

        then:
        validated.exitCode == 1
        validated.out.contains('versions/dddd00000001.groovy')

        when: 'stamping back to the first revision marks the second as not applied'
        Files.writeString(first, first.text.replace("bigint", "integer"))
        def back = p.run('stamp', 'dddd00000001')

        then: 'its row has no checksum, so validate and history -v no longer count it'
        back.exitCode == 0
        p.rows("SELECT revision, from_revisions, to_revisions, checksum FROM retort_history WHERE id = 3") ==
                [['dddd00000002', 'dddd00000002', 'dddd00000001', null]]
        p.run('validate').out.trim() == 'OK: the 1 applied revision(s) match their scripts.'
        !p.run('history', '-v').out.split('Rev: ')[1].contains('Applied:')
        p.run('history', '-v').out.split('Rev: ')[2].contains('Applied:')
    }
}
