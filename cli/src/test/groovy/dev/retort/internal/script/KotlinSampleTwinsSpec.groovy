package dev.retort.internal.script

import dev.retort.dsl.dialect.Dialects
import dev.retort.testing.CliRun
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TestDatabases
import java.nio.file.Path
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
        def groovyUp = CliRun.of(['-c', ini(sample), 'upgrade', '--sql', '--dialect', dialect, 'head'])
        def kotlinUp = CliRun.of(['-c', ini("$sample-kotlin"), 'upgrade', '--sql', '--dialect', dialect, 'head'])
        def groovyDown = CliRun.of(['-c', ini(sample), 'downgrade', '--sql', '--dialect', dialect, 'head:base'])
        def kotlinDown = CliRun.of(['-c', ini("$sample-kotlin"), 'downgrade', '--sql', '--dialect', dialect, 'head:base'])

        then:
        [groovyUp, kotlinUp, groovyDown, kotlinDown].every { it.exitCode == 0 }
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
        CliRun.of(['-c', ini(sample), '--url', groovyUrl, 'upgrade', 'head']).exitCode == 0
        CliRun.of(['-c', ini("$sample-kotlin"), '--url', kotlinUrl, 'upgrade', 'head']).exitCode == 0
        def groovySchema = schema(groovyUrl + ';USER=sa')
        groovySchema.tables.size() >= 2
        schema(kotlinUrl + ';USER=sa') == groovySchema

        where:
        sample << SAMPLE_NAMES
    }

    @Requires({ TestDatabases.hasPostgres() && TestDatabases.hasDialect('postgresql') })
    def "on PostgreSQL the Kotlin twin of #sample builds the same schema"() {
        given:
        def slug = sample.replace('-', '_')
        def groovyUrl = TestDatabases.freshPostgres("retort_i4_twin_g_$slug")
        def kotlinUrl = TestDatabases.freshPostgres("retort_i4_twin_k_$slug")

        expect:
        CliRun.of(['-c', ini(sample), '--url', groovyUrl, 'upgrade', 'head']).exitCode == 0
        CliRun.of(['-c', ini("$sample-kotlin"), '--url', kotlinUrl, 'upgrade', 'head']).exitCode == 0
        def groovySchema = schema(groovyUrl)
        groovySchema.tables.size() >= 2
        schema(kotlinUrl) == groovySchema

        where:
        sample << SAMPLE_NAMES
    }

    /** Tables with their columns, keys, indexes and constraints, as JDBC and the catalog report them. */
    static SchemaSnapshot schema(String url) {
        DriverManager.getConnection(url).withCloseable { SchemaSnapshot.read(it) }
    }
}
