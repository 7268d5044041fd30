package dev.retort.dsl.schema

import dev.retort.dsl.op.AlterColumn
import dev.retort.dsl.op.ConstraintType
import dev.retort.dsl.op.CreateIndex
import dev.retort.dsl.op.CreateTable
import dev.retort.dsl.type.Types
import spock.lang.Specification

class TableModelSpec extends Specification {

    // id: an inline key; code: an inline unique; owner: an inline reference; then table-level constraints and an index.
    static final CreateTable ORDERS = new CreateTable('app', 'orders', [
            Column.of('id', Types.INTEGER).withPrimaryKey(true).withAutoIncrement(true),
            Column.of('code', Types.string(20)).withUnique(true),
            Column.of('owner', Types.INTEGER).withReferences(new ForeignKeyRef('users', 'id', 'CASCADE', null)),
            Column.of('region', Types.string(10)),
            Column.of('note', Types.string(100))],
            [new TableConstraint.Unique('uq_orders_region_note', ['region', 'note']),
             new TableConstraint.ForeignKey('fk_orders_region', ['region'], 'regions', ['code'], null, 'CASCADE'),
             new TableConstraint.Check('ck_orders_code', "code <> ''")],
            [new IndexDef('ix_orders_owner', ['owner'], false)], false, 'the orders')

    def "the normalised view moves what a column declares into constraints, inline ones first, and makes key columns NOT NULL"() {
        when:
        def t = TableModel.of(ORDERS)

        then:
        t.name() == 'orders'
        t.comment() == 'the orders'
        t.columns()*.name() == ['id', 'code', 'owner', 'region', 'note']
        t.columns().every { !it.primaryKey() && !it.unique() && it.references() == null }
        t.columns()*.nullable() == [false, true, true, true, true]
        t.column('ID').get().autoIncrement()
        t.primaryKey() == new TableConstraint.PrimaryKey(null, ['id'])
        t.uniques() == [new TableConstraint.Unique(null, ['code']), new TableConstraint.Unique('uq_orders_region_note', ['region', 'note'])]
        t.foreignKeys() == [new TableConstraint.ForeignKey(null, ['owner'], 'users', ['id'], 'CASCADE', null),
                            new TableConstraint.ForeignKey('fk_orders_region', ['region'], 'regions', ['code'], null, 'CASCADE')]
        t.checks() == [new TableConstraint.Check('ck_orders_code', "code <> ''")]
        t.indexes() == [new IndexDef('ix_orders_owner', ['owner'], false)]
    }

    def "as defined, the table keeps each constraint where it was declared, so a rebuild writes it back unchanged"() {
        when:
        def t = TableModel.of(ORDERS)

        then:
        t.definition() == new CreateTable('app', 'orders', ORDERS.columns(), ORDERS.constraints(), [], false, 'the orders')
        t.definedColumn('id').get().primaryKey()
        t.definedIndexes() == [CreateIndex.of('app', 'ix_orders_owner', 'orders', ['owner'])]
    }

    def "a table built in normalised form reads back the same through the normalised view"() {
        given:
        def viewed = TableModel.of(ORDERS)

        when:
        def rebuilt = new TableModel(viewed.name(), viewed.columns(), viewed.primaryKey(), viewed.uniques(), viewed.foreignKeys(),
                viewed.checks(), viewed.indexes(), viewed.comment())

        then:
        rebuilt.columns() == viewed.columns()
        rebuilt.primaryKey() == viewed.primaryKey()
        rebuilt.uniques() == viewed.uniques()
        rebuilt.foreignKeys() == viewed.foreignKeys()
        rebuilt.checks() == viewed.checks()
        rebuilt.indexes() == viewed.indexes()
        rebuilt.comment() == viewed.comment()
    }

    def "a key declared on the table makes its columns NOT NULL in the view, and keeps its name"() {
        when:
        def t = TableModel.of(new CreateTable(null, 'runs', [Column.of('run_uuid', Types.string(32))],
                [new TableConstraint.PrimaryKey('run_pk', ['run_uuid'])], [], false, null))

        then:
        t.primaryKey() == new TableConstraint.PrimaryKey('run_pk', ['run_uuid'])
        !t.columns()[0].nullable()
        t.definedColumns()[0].nullable()
    }

    def "changes follow the operations: renaming a column renames it in constraints and indexes, dropping one drops what uses it"() {
        given:
        def t = TableModel.of(ORDERS)

        when:
        def renamed = t.withColumnRenamed('region', 'area')
        def dropped = t.withoutColumn('region')

        then:
        renamed.uniques()[1].columns() == ['area', 'note']
        renamed.foreignKeys()[1].columns() == ['area']
        dropped.uniques() == [new TableConstraint.Unique(null, ['code'])]
        dropped.foreignKeys()*.name() == [null]
        t.withColumnAltered(AlterColumn.of(null, 'orders', 'note').withNullable(false)).definedColumn('note').get().nullable() == false
        t.withoutConstraint('ck_orders_code', ConstraintType.CHECK).checks().isEmpty()
        t.withoutConstraintOn(ConstraintType.UNIQUE, ['code']).uniques()*.name() == ['uq_orders_region_note']
        t.namedConstraints()*.name().toSet() == [null, 'uq_orders_region_note', 'fk_orders_region', 'ck_orders_code'].toSet()
    }
}
