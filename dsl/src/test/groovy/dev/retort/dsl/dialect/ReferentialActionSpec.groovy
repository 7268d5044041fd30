package dev.retort.dsl.dialect

import dev.retort.dsl.op.AddColumn
import dev.retort.dsl.schema.Column
import dev.retort.dsl.schema.ForeignKeyRef
import dev.retort.dsl.type.Types
import spock.lang.Specification

/** Every dialect reads a foreign key's actions through one validator, whichever way a script spells them. */
class ReferentialActionSpec extends Specification {
    static final List<String> DIALECTS = ['h2', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'oracle', 'mssql']

    static List<String> addReference(String dialect, String onDelete) {
        def column = Column.of('grupo_id', Types.INTEGER).withReferences(ForeignKeyRef.parse('grupos.id', onDelete, null))
        Dialects.byName(dialect).render(new AddColumn(null, 'etiquetas', column, false))
    }

    def "#spelling reads as #sql"() {
        expect:
        ReferentialAction.parse(spelling).sql() == sql

        where:
        spelling       || sql
        'set_null'     || 'SET NULL'
        'set null'     || 'SET NULL'
        ' Set  Null '  || 'SET NULL'
        'SET NULL'     || 'SET NULL'
        'no_action'    || 'NO ACTION'
        'set default'  || 'SET DEFAULT'
        'cascade'      || 'CASCADE'
        'Restrict'     || 'RESTRICT'
    }

    def "#dialect writes onDelete: '#spelling' as ON DELETE SET NULL"() {
        expect:
        addReference(dialect, spelling).any { it.endsWith('REFERENCES grupos (id) ON DELETE SET NULL') }

        where:
        [dialect, spelling] << [DIALECTS, ['set_null', 'set null', 'SET NULL']].combinations()
    }

    def "#dialect rejects an unknown action with the message every dialect gives"() {
        when:
        addReference(dialect, 'bogus')

        then:
        def e = thrown(RenderException)
        e.message == "unknown referential action 'bogus'; use CASCADE, SET NULL, SET DEFAULT, RESTRICT or NO ACTION"

        where:
        dialect << DIALECTS
    }
}
