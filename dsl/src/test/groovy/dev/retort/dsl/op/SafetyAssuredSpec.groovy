package dev.retort.dsl.op

import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.groovy.MigrationBuilder
import dev.retort.dsl.kotlin.MigrationDsl
import spock.lang.Specification

/** safetyAssured { } marks the operations inside it, nested blocks included, for lint; it changes neither operations nor SQL. */
class SafetyAssuredSpec extends Specification {

    def "Groovy: operations inside safetyAssured are marked, those outside are not, and the SQL is the same"() {
        given:
        def builder = new MigrationBuilder()
        run(builder) {
            dropColumn 'orders', 'a'
            safetyAssured {
                dropColumn 'orders', 'b'
                onDialect('postgresql') { dropTable 'legacy' }
            }
            dropColumn 'orders', 'c'
        }
        def ops = builder.operations()
        def nested = (ops[2] as OnDialect).operations()[0]

        expect:
        ops.size() == 4
        !builder.assured().contains(ops[0])
        builder.assured().contains(ops[1])
        builder.assured().contains(ops[2])
        builder.assured().contains(nested)
        !builder.assured().contains(ops[3])
        Dialects.byName('postgresql').render(ops[1]) == ['ALTER TABLE orders DROP COLUMN b']
    }

    def "Kotlin: operations inside safetyAssured are marked, nested blocks included"() {
        given:
        def dsl = new MigrationDsl()
        dsl.dropColumn('orders', 'a', null, false)
        dsl.safetyAssured { MigrationDsl d ->
            d.dropColumn('orders', 'b', null, false)
            d.autocommit { MigrationDsl inner -> inner.dropTable('legacy', null, false) }
        }
        def ops = dsl.operations()

        expect:
        !dsl.assured().contains(ops[0])
        dsl.assured().contains(ops[1])
        dsl.assured().contains((ops[2] as Autocommit).operations()[0])
    }

    def "notValid is recorded by both languages, and validateConstraint's inverse is itself"() {
        given:
        def builder = new MigrationBuilder()
        run(builder) {
            createForeignKey 'fk_a', 'a', 'b', ['b_id'], ['id'], notValid: true
            createCheckConstraint 'ck_a', 'a', 'x > 0', notValid: true
            validateConstraint 'fk_a', 'a'
        }
        def dsl = new MigrationDsl()
        dsl.createForeignKey('fk_a', 'a', 'b', ['b_id'], ['id'], null, null, null, true)
        dsl.createCheckConstraint('ck_a', 'a', 'x > 0', null, true)
        dsl.validateConstraint('fk_a', 'a', null)

        expect:
        builder.operations() == dsl.operations()
        (builder.operations()[0] as CreateForeignKey).notValid()
        (builder.operations()[1] as CreateCheckConstraint).notValid()
        builder.operations()[2].inverse().get() == builder.operations()[2]
    }

    private static void run(MigrationBuilder builder, Closure block) {
        def c = block.clone() as Closure
        c.delegate = builder
        c.resolveStrategy = Closure.DELEGATE_FIRST
        c()
    }
}
