package dev.retort.safety

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class ErrorLocationSpec extends Specification {
    @TempDir Path tmp

    def "a failing step names revision, file:line of the operation, the SQL and the database's message (#what)"() {
        given:
        def p = new TempProject(tmp, "jdbc:h2:file:${tmp.resolve('db/errors').toString().replace('\\', '/')}")
        p.revisionWithHeader('abab00000001', null, body)
        int line = p.dir.resolve('versions/abab00000001.groovy').toFile().readLines().findIndexOf { it.contains(marker) } + 1

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.exitCode == 1
        r.err.startsWith("error: revision abab00000001 failed at statement $statement (versions/abab00000001.groovy:$line, $operation): $text")
        r.err.contains(database)
        r.err.contains('the transaction was rolled back')
        p.rows('SELECT version_num FROM retort_version') == []

        where:
        what           | statement | operation                  | text                                  | database           | marker    | body
        'SQL'          | '2 of 2'  | 'dropTable missing_table'  | 'DROP TABLE missing_table: '          | 'MISSING_TABLE'    | 'missing' | '''\
            upgrade {
                createTable('present') { column 'id', integer }
                dropTable 'missing_table'
            }
            '''
        'connection'   | '2 of 3'  | 'connection { … }'         | 'connection { … }: '                  | 'NOPE'             | 'nope'    | '''\
            upgrade {
                createTable('present') { column 'id', integer }
                connection { c -> c.createStatement().execute('SELECT * FROM nope') }
                createTable('later') { column 'id', integer }
            }
            '''
    }
}
