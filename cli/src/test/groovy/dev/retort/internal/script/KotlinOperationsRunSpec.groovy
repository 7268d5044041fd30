package dev.retort.internal.script

import dev.retort.testing.ProjectFixture
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/** Kotlin revisions run on real databases like their Groovy twins: autocommit blocks, and failures that name the line. */
class KotlinOperationsRunSpec extends Specification {
    @TempDir Path tmp

    static String autocommitRevision(String indexSql) {
        """\
        revision("ffff00000001")
        message("events with an index built outside the transaction")

        upgrade {
            createTable("events") {
                column("id", integer, primaryKey = true)
                column("kind", string(20))
            }
            autocommit {
                execute("$indexSql")
            }
            insert("events", listOf(mapOf("id" to 1, "kind" to "a")))
        }
        """.stripIndent()
    }

    static void kotlinRevision(ProjectFixture p, String rev, String text) {
        Files.writeString(p.dir.resolve("versions/${rev}.kts"), text.stripIndent())
    }

    def "a Kotlin autocommit { execute(…) } block runs on H2"() {
        given:
        def p = new ProjectFixture(tmp, "jdbc:h2:file:${tmp.resolve('db/h2').toString().replace('\\', '/')}")
        kotlinRevision(p, 'ffff00000001', autocommitRevision('CREATE INDEX ix_events_kind ON events (kind)'))

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.code == 0
        p.rows("SELECT count(*) FROM information_schema.indexes WHERE index_name = 'IX_EVENTS_KIND'") == [['1']]
        p.rows('SELECT id FROM events') == [['1']]
        p.rows('SELECT version_num FROM retort_version') == [['ffff00000001']]
    }

    @Requires({ TestDatabases.hasPostgres() })
    def "a Kotlin autocommit { execute(…) } block runs outside the transaction on PostgreSQL, where CONCURRENTLY needs that"() {
        given:
        def p = new ProjectFixture(tmp, TestDatabases.freshPostgres('retort_i12_kotlin_autocommit'))
        kotlinRevision(p, 'ffff00000001', autocommitRevision('CREATE INDEX CONCURRENTLY ix_events_kind ON events (kind)'))

        when:
        def r = p.run('upgrade', 'head')

        then:
        r.code == 0
        p.rows("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_events_kind'") == [['1']]
        p.rows('SELECT id FROM events') == [['1']]
        p.rows('SELECT version_num FROM retort_version') == [['ffff00000001']]
    }

    def "a failing Kotlin operation names its script line (#what)"() {
        given:
        def p = new ProjectFixture(tmp, "jdbc:h2:file:${tmp.resolve('db/errors').toString().replace('\\', '/')}")
        kotlinRevision(p, 'abab00000001', body)
        int line = p.dir.resolve('versions/abab00000001.kts').toFile().readLines().findIndexOf { it.contains(marker) } + 1

        when:
        def r = p.run('upgrade', 'head')

        then:
        line > 1
        r.code == 1
        r.err.startsWith(message.replace('LINE', line as String))

        where:
        what                  | marker    | message                                                                        | body
        'a statement fails'   | 'missing' | 'error: revision abab00000001 failed at statement 2 of 2 (versions/abab00000001.kts:LINE, dropTable missing_table): DROP TABLE missing_table: ' | '''\
            revision("abab00000001")

            upgrade {
                createTable("present") { column("id", integer) }
                dropTable("missing_table")
            }
            '''
        'inside onDialect'    | 'missing' | 'error: revision abab00000001 failed at statement 2 of 2 (versions/abab00000001.kts:LINE, dropTable missing_table): ' | '''\
            revision("abab00000001")

            upgrade {
                createTable("present") { column("id", integer) }
                onDialect("h2") {
                    dropTable("missing_table")
                }
            }
            '''
        'rendering fails'     | 'partial' | 'error: revision abab00000001 (versions/abab00000001.kts:LINE, createIndex ix_partial): ' | '''\
            revision("abab00000001")

            upgrade {
                createTable("present") { column("id", integer) }
                createIndex("ix_partial", "present", listOf("id"), where = "id > 0")
            }
            '''
    }
}
