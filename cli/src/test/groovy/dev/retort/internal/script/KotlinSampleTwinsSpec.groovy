package dev.retort.internal.script

import dev.retort.dsl.dialect.Dialects
import dev.retort.testing.ScriptProject
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import java.sql.Connection
import java.sql.DatabaseMetaData
import java.sql.DriverManager
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * samples/X-kotlin is the Kotlin twin of samples/X: the same revisions, so the same SQL offline on every dialect
 * and the same schema (read back through JDBC metadata) on H2 and PostgreSQL.
 */
class KotlinSampleTwinsSpec extends Specification {
    static final Path SAMPLES = Path.of(System.getProperty('basedir', '.')).resolve('../samples').normalize()
    static final List<String> SAMPLE_NAMES = ['clientes', 'usuarios-produtos', 'account']

    @TempDir Path dir

    static String ini(String sample) { SAMPLES.resolve(sample).resolve('retort.ini').toString() }

    def "the Kotlin twin of #sample prints the same #dialect SQL, up and down"() {
        when:
        def groovyUp = ScriptProject.cli('-c', ini(sample), 'upgrade', '--sql', '--dialect', dialect, 'head')
        def kotlinUp = ScriptProject.cli('-c', ini("$sample-kotlin"), 'upgrade', '--sql', '--dialect', dialect, 'head')
        def groovyDown = ScriptProject.cli('-c', ini(sample), 'downgrade', '--sql', '--dialect', dialect, 'head:base')
        def kotlinDown = ScriptProject.cli('-c', ini("$sample-kotlin"), 'downgrade', '--sql', '--dialect', dialect, 'head:base')

        then:
        [groovyUp, kotlinUp, groovyDown, kotlinDown].every { it.code == 0 }
        groovyUp.out.contains('CREATE TABLE')
        kotlinUp.out == groovyUp.out
        kotlinDown.out == groovyDown.out

        where:
        [sample, dialect] << [SAMPLE_NAMES, Dialects.all()*.name()].combinations()
    }

    def "on H2 the Kotlin twin of #sample builds the same schema"() {
        given:
        def groovyUrl = "jdbc:h2:file:${dir}/groovy"
        def kotlinUrl = "jdbc:h2:file:${dir}/kotlin"

        expect:
        ScriptProject.cli('-c', ini(sample), '--url', groovyUrl, 'upgrade', 'head').code == 0
        ScriptProject.cli('-c', ini("$sample-kotlin"), '--url', kotlinUrl, 'upgrade', 'head').code == 0
        def groovySchema = schema(groovyUrl + ';USER=sa', 'PUBLIC')
        groovySchema.size() >= 2
        schema(kotlinUrl + ';USER=sa', 'PUBLIC') == groovySchema

        where:
        sample << SAMPLE_NAMES
    }

    @Requires({ TestDatabases.hasPostgres() && Dialects.all()*.name().contains('postgresql') })
    def "on PostgreSQL the Kotlin twin of #sample builds the same schema"() {
        given:
        def slug = sample.replace('-', '_')
        def groovyUrl = TestDatabases.freshPostgres("retort_i4_twin_g_$slug")
        def kotlinUrl = TestDatabases.freshPostgres("retort_i4_twin_k_$slug")

        expect:
        ScriptProject.cli('-c', ini(sample), '--url', groovyUrl, 'upgrade', 'head').code == 0
        ScriptProject.cli('-c', ini("$sample-kotlin"), '--url', kotlinUrl, 'upgrade', 'head').code == 0
        def groovySchema = schema(groovyUrl, 'public')
        groovySchema.size() >= 2
        schema(kotlinUrl, 'public') == groovySchema

        where:
        sample << SAMPLE_NAMES
    }

    /** Tables with their columns, primary key, foreign keys and indexes, as JDBC reports them. */
    static Map<String, Map> schema(String url, String schemaName) {
        Connection c = DriverManager.getConnection(url)
        try {
            DatabaseMetaData md = c.metaData
            Map<String, Map> tables = new TreeMap<>()
            md.getTables(null, schemaName, '%', ['TABLE'] as String[]).withCloseable { rs ->
                while (rs.next()) tables[rs.getString('TABLE_NAME')] = [:]
            }
            tables.each { name, t ->
                t.columns = rows(md.getColumns(null, schemaName, name, '%'),
                        ['COLUMN_NAME', 'TYPE_NAME', 'COLUMN_SIZE', 'DECIMAL_DIGITS', 'IS_NULLABLE', 'COLUMN_DEF', 'IS_AUTOINCREMENT'])
                t.primaryKey = rows(md.getPrimaryKeys(null, schemaName, name), ['COLUMN_NAME', 'KEY_SEQ'])
                t.foreignKeys = rows(md.getImportedKeys(null, schemaName, name),
                        ['FKCOLUMN_NAME', 'PKTABLE_NAME', 'PKCOLUMN_NAME', 'UPDATE_RULE', 'DELETE_RULE']).sort { it.toString() }
                t.indexes = rows(md.getIndexInfo(null, schemaName, name, false, false),
                        ['INDEX_NAME', 'COLUMN_NAME', 'NON_UNIQUE', 'ORDINAL_POSITION']).sort { it.toString() }
            }
            return tables
        } finally {
            c.close()
        }
    }

    static List<Map> rows(java.sql.ResultSet rs, List<String> keys) {
        rs.withCloseable {
            List<Map> out = []
            while (rs.next()) out << keys.collectEntries { [it, rs.getObject(it)?.toString()] }
            out
        }
    }
}
