package dev.retort.dsl.op

import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.type.Types
import spock.lang.Specification

class AlterColumnSpec extends Specification {

    def "named copies set only the fields they name"() {
        when:
        def op = AlterColumn.of('s', 't', 'c').withType(Types.BIGINT).withDefault(null).withExistingType(Types.INTEGER)

        then:
        op == new AlterColumn('s', 't', 'c', Types.BIGINT, null, true, null, null, false, null, Types.INTEGER, null, null, null, null)
    }

    def "a default or comment named as null drops it, and the unchanged copies take that back"() {
        expect:
        AlterColumn.of(null, 't', 'c').withDefault(null).defaultChanged()
        AlterColumn.of(null, 't', 'c').withComment(null).commentChanged()
        AlterColumn.of(null, 't', 'c').withDefault(new ColumnDefault.Literal(1)).withDefaultUnchanged() == AlterColumn.of(null, 't', 'c')
        AlterColumn.of(null, 't', 'c').withComment('x').withCommentUnchanged() == AlterColumn.of(null, 't', 'c')
    }

    def "the inverse undoes each stated change from what the column was, and leaves the rest alone"() {
        given:
        def op = AlterColumn.of(null, 't', 'c').withType(Types.BIGINT).withNewName('d').withComment('new')
                .withExistingType(Types.INTEGER).withExistingComment('old')

        expect:
        op.inverse().get() == AlterColumn.of(null, 't', 'd').withType(Types.INTEGER).withNewName('c').withComment('old')
                .withExistingType(Types.BIGINT).withExistingComment('new')
        op.inverse().get().inverse().get() == op
    }

    def "a type change without existingType cannot be undone"() {
        expect:
        AlterColumn.of(null, 't', 'c').withType(Types.BIGINT).inverse().isEmpty()
    }
}
