package dev.retort.internal.autogen

import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.type.TypeKind
import dev.retort.internal.database.DefaultValues
import spock.lang.Specification

/** Defaults as databases restate them compare equal to what the model wrote, and different ones do not. */
class DefaultValuesSpec extends Specification {

    def "#reported from #database is the same default as the model's #model"() {
        expect:
        DefaultValues.canonical(DefaultValues.parse(reported), kind) == DefaultValues.canonical(model, kind)

        where:
        database     | reported                           | kind              | model
        'postgresql' | "'x'::character varying"           | TypeKind.STRING   | new ColumnDefault.Literal('x')
        'postgresql' | "'-1'::integer"                    | TypeKind.INTEGER  | new ColumnDefault.Literal(-1)
        'postgresql' | 'now()'                            | TypeKind.TIMESTAMP | new ColumnDefault.CurrentTimestamp()
        'postgresql' | 'CURRENT_TIMESTAMP'                | TypeKind.TIMESTAMP | new ColumnDefault.CurrentTimestamp()
        'postgresql' | 'true'                             | TypeKind.BOOLEAN  | new ColumnDefault.Literal(true)
        'postgresql' | "('it''s'::text)"                  | TypeKind.TEXT     | new ColumnDefault.Literal("it's")
        'h2'         | "'BR'"                             | TypeKind.STRING   | new ColumnDefault.Literal('BR')
        'h2'         | 'TRUE'                             | TypeKind.BOOLEAN  | new ColumnDefault.Literal(true)
        'h2'         | '0'                                | TypeKind.NUMERIC  | new ColumnDefault.Literal(0)
        'mariadb'    | 'current_timestamp()'              | TypeKind.TIMESTAMP | new ColumnDefault.CurrentTimestamp()
        'mariadb'    | '0.00'                             | TypeKind.NUMERIC  | new ColumnDefault.Literal(0)
        'mariadb'    | '1'                                | TypeKind.BOOLEAN  | new ColumnDefault.Literal(true)
        'sqlite'     | "'x'"                              | TypeKind.STRING   | new ColumnDefault.Expression("'x'")
        'postgresql' | "lower('A'::text)"                 | TypeKind.TEXT     | new ColumnDefault.Expression("LOWER('A')")
    }

    def "different defaults stay different: #reported against #model"() {
        expect:
        DefaultValues.canonical(DefaultValues.parse(reported), kind) != DefaultValues.canonical(model, kind)

        where:
        reported                  | kind              | model
        "'x'::character varying"  | TypeKind.STRING   | new ColumnDefault.Literal('y')
        '0'                       | TypeKind.INTEGER  | new ColumnDefault.Literal(1)
        'true'                    | TypeKind.BOOLEAN  | new ColumnDefault.Literal(false)
        null                      | TypeKind.INTEGER  | new ColumnDefault.Literal(0)
        'CURRENT_TIMESTAMP'       | TypeKind.TIMESTAMP | null
    }

    def "NULL or nothing is no default"() {
        expect:
        DefaultValues.parse(text) == null

        where:
        text << [null, 'NULL', '  ']
    }
}
