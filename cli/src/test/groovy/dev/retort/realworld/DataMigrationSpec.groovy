package dev.retort.realworld

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The data migration the README shows: rows read into small objects, changed in code and written to another table,
 * in Groovy ({@code connection { c, sql -> }}) and Kotlin ({@code connection { c -> }}), then moved back by the
 * downgrade, on each database.
 */
class DataMigrationSpec extends Specification {
    @TempDir Path dir

    static final String START = '''
        upgrade {
            createTable('run_params') {
                column 'run_uuid', string(32), nullable: false
                column 'name', string(100), nullable: false
                column 'val', string(100)
                primaryKey 'run_params_pk', ['run_uuid', 'name']
            }
            insert 'run_params', [[run_uuid: 'r1', name: 'alpha', val: '0.1'], [run_uuid: 'r1', name: 'Epochs', val: '10'],
                                  [run_uuid: 'r2', name: 'alpha', val: null]]
        }
    '''

    static final String MOVE_GROOVY = '''
        upgrade {
            createTable('params') {
                column 'run_uuid', string(32), nullable: false
                column 'param_key', string(100), nullable: false
                column 'param_value', string(100)
                primaryKey 'params_pk', ['run_uuid', 'param_key']
            }
            connection { c, sql ->
                // Each row as the application sees a parameter; keys are lower case in the new table.
                def params = sql.rows('SELECT run_uuid, name, val FROM run_params')
                        .collect { [run: it.run_uuid, key: it.name.toLowerCase(), value: it.val] }
                sql.withBatch('INSERT INTO params (run_uuid, param_key, param_value) VALUES (?, ?, ?)') { batch ->
                    params.each { batch.addBatch(it.run, it.key, it.value) }
                }
            }
            dropTable 'run_params'
        }

        downgrade {
            createTable('run_params') {
                column 'run_uuid', string(32), nullable: false
                column 'name', string(100), nullable: false
                column 'val', string(100)
                primaryKey 'run_params_pk', ['run_uuid', 'name']
            }
            connection { c, sql ->
                sql.execute('INSERT INTO run_params (run_uuid, name, val) SELECT run_uuid, param_key, param_value FROM params')
            }
            dropTable 'params'
        }
    '''

    static final String MOVE_KOTLIN = '''
        /** One parameter as the application sees it: keys are lower case in the new table. */
        data class Param(val run: String, val key: String, val value: String?) {
            fun normalized() = copy(key = key.lowercase())
        }

        upgrade {
            createTable("params") {
                column("run_uuid", string(32), nullable = false)
                column("param_key", string(100), nullable = false)
                column("param_value", string(100))
                primaryKey("params_pk", listOf("run_uuid", "param_key"))
            }
            connection { c ->
                val params = mutableListOf<Param>()
                c.createStatement().use { s ->
                    s.executeQuery("SELECT run_uuid, name, val FROM run_params").use { rs ->
                        while (rs.next()) params += Param(rs.getString("run_uuid"), rs.getString("name"), rs.getString("val")).normalized()
                    }
                }
                c.prepareStatement("INSERT INTO params (run_uuid, param_key, param_value) VALUES (?, ?, ?)").use { ps ->
                    for (p in params) {
                        ps.setString(1, p.run); ps.setString(2, p.key); ps.setString(3, p.value)
                        ps.addBatch()
                    }
                    ps.executeBatch()
                }
            }
            dropTable("run_params")
        }

        downgrade {
            createTable("run_params") {
                column("run_uuid", string(32), nullable = false)
                column("name", string(100), nullable = false)
                column("val", string(100))
                primaryKey("run_params_pk", listOf("run_uuid", "name"))
            }
            connection { c ->
                c.createStatement().use { it.executeUpdate("INSERT INTO run_params (run_uuid, name, val) SELECT run_uuid, param_key, param_value FROM params") }
            }
            dropTable("params")
        }
    '''

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db a #language data migration moves the rows to the new table and its downgrade moves them back"() {
        given:
        def p = RealWorldDatabases.project(dir, db, "data_$language")
        p.revisionWithHeader('c10000000001', null, START)
        if (language == 'kotlin') p.revisionWithHeader('c10000000002', 'c10000000001', MOVE_KOTLIN, 'c10000000002.kts')
        else p.revisionWithHeader('c10000000002', 'c10000000001', MOVE_GROOVY)

        when:
        def up = p.run('upgrade', 'head')

        then:
        up.exitCode == 0
        p.rows('SELECT run_uuid, param_key, param_value FROM params ORDER BY run_uuid, param_key') ==
                [['r1', 'alpha', '0.1'], ['r1', 'epochs', '10'], ['r2', 'alpha', null]]

        when:
        def down = p.run('downgrade', '-1')

        then:
        down.exitCode == 0
        p.rows('SELECT run_uuid, name, val FROM run_params ORDER BY run_uuid, name') ==
                [['r1', 'alpha', '0.1'], ['r1', 'epochs', '10'], ['r2', 'alpha', null]]

        where:
        [db, language] << [RealWorldDatabases.ALL, ['groovy', 'kotlin']].combinations()
    }
}
