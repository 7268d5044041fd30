package dev.retort.internal.testkit

import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.schema.Column
import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.schema.IndexDef
import dev.retort.dsl.schema.SchemaModel
import dev.retort.dsl.schema.TableConstraint
import dev.retort.dsl.schema.TableModel
import dev.retort.dsl.type.ColumnType
import dev.retort.dsl.type.TypeKind
import dev.retort.internal.database.SchemaReflector
import spock.lang.Specification

/** The no-trace comparison: what counts as a trace between the schema before an upgrade and after its downgrade. */
class SchemaTracesSpec extends Specification {
    static final SchemaReflector H2 = SchemaReflector.forDialect(Dialects.byName('h2'))
    static final ColumnType INT = ColumnType.of(TypeKind.INTEGER)

    static Column col(String name, ColumnType type = INT, boolean nullable = true, ColumnDefault d = null) {
        new Column(name, type, nullable, false, false, false, d, null, null)
    }

    static TableModel table(Map m = [:], String name) {
        new TableModel(name, m.columns ?: [col('id', INT, false), col('a')], new TableConstraint.PrimaryKey(null, ['id']),
                m.uniques ?: [], m.fks ?: [], m.checks ?: [], m.indexes ?: [], m.comment)
    }

    static List<String> traces(List<TableModel> before, List<TableModel> after) {
        SchemaTraces.between(new SchemaModel(before), new SchemaModel(after), H2)*.detail()
    }

    def "equal schemas leave no trace, whatever the column order or the case of names"() {
        expect:
        traces([table('t')], [table(columns: [col('A'), col('ID', INT, false)], 'T')]) == []
    }

    def "names the database made up are not compared, only what their constraints hold"() {
        expect:
        traces([table(uniques: [new TableConstraint.Unique('CONSTRAINT_8A', ['a'])], 't')],
               [table(uniques: [new TableConstraint.Unique('CONSTRAINT_F3', ['a'])], 't')]) == []
        traces([table(uniques: [new TableConstraint.Unique('CONSTRAINT_8A', ['a'])], 't')],
               [table(uniques: [new TableConstraint.Unique('CONSTRAINT_F3', ['id'])], 't')]) ==
                ['left unique constraint on t (id)', 'dropped unique constraint on t (a)']
    }

    def "each kind of difference is one line"() {
        expect:
        traces(before, after) == expected

        where:
        before                                                        | after                                                                   || expected
        [table('t')]                                                  | [table('t'), table('u')]                                                || ['left table u (id, a)']
        [table('t'), table('u')]                                      | [table('t')]                                                            || ['dropped table u, which was there before the upgrade']
        [table('t')]                                                  | [table(columns: [col('id', INT, false)], 't')]                          || ['dropped column t.a integer']
        [table('t')]                                                  | [table(columns: [col('id', INT, false), col('a', INT, false, new ColumnDefault.Literal(0))], 't')] ||
                ['changed column t.a: nullable -> not null, default none -> 0']
        [table('t')]                                                  | [table(columns: [col('id', INT, false), col('a', ColumnType.string(10))], 't')] ||
                ['changed column t.a: type integer -> string(10)']
        [table('t')]                                                  | [table(indexes: [new IndexDef('ix_a', ['a'], true)], 't')]              || ['left unique index ix_a on t (a)']
        [table(indexes: [new IndexDef('ix_a', ['a'], false)], 't')]   | [table(indexes: [new IndexDef('ix_a', ['id', 'a'], false)], 't')]       || ['changed index ix_a on t: index ix_a (a) -> index ix_a (id, a)']
        [table('t')]                                                  | [table(fks: [new TableConstraint.ForeignKey('fk_a', ['a'], 'u', ['id'], 'CASCADE', null)], 't')] ||
                ['left foreign key fk_a on t (a) -> u (id) on delete CASCADE']
        [table(checks: [new TableConstraint.Check('ck_a', 'a > 0')], 't')] | [table('t')]                                                       || ['dropped check constraint ck_a on t (a > 0)']
        [table('t')]                                                  | [table(comment: 'x', 't')]                                              || ["changed the comment of table t: none -> 'x'"]
    }

    def "the headline phrase is short; the detail adds the columns"() {
        when:
        def t = SchemaTraces.between(new SchemaModel([table('t')]), new SchemaModel([table(indexes: [new IndexDef('ix_a', ['a'], false)], 't')]), H2)

        then:
        t*.summary() == ['left index ix_a on t']
        t*.detail() == ['left index ix_a on t (a)']
    }
}
