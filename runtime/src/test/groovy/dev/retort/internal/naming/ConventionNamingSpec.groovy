package dev.retort.internal.naming

import dev.retort.dsl.op.*
import dev.retort.dsl.schema.Column
import dev.retort.dsl.schema.ForeignKeyRef
import dev.retort.dsl.schema.IndexDef
import dev.retort.dsl.schema.TableConstraint
import dev.retort.dsl.type.Types
import dev.retort.internal.graph.Revision
import dev.retort.internal.script.LoadedRevision
import dev.retort.internal.script.RevisionSource
import dev.retort.internal.script.ScriptLanguage
import java.nio.file.Path
import spock.lang.Specification

import static dev.retort.internal.naming.NamingConvention.Kind.*

/** The convention as a pure transformation of operations: what it names, what it leaves, and what it carries over. */
class ConventionNamingSpec extends Specification {
    static final NamingConvention ALL = NamingConvention.of([
            (PK): 'pk_%(table_name)s', (FK): 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
            (UQ): 'uq_%(table_name)s_%(column_0_N_name)s', (CK): 'ck_%(table_name)s_%(constraint_name)s',
            (IX): 'ix_%(column_0_label)s'])

    static Column col(String name) { Column.of(name, Types.INTEGER) }

    def "createTable: column-level key, unique and reference become named table constraints; unnamed ones are named, named ones kept"() {
        given:
        def op = new CreateTable(null, 'orders', [
                col('id').withPrimaryKey(true),
                col('code').withUnique(true),
                col('customer_id').withReferences(new ForeignKeyRef('app.customers', 'id', 'CASCADE', null)),
                col('a'), col('b')],
                [new TableConstraint.Unique(null, ['a', 'b']), new TableConstraint.Unique('kept', ['b']),
                 new TableConstraint.Check('positive', 'a > 0'), new TableConstraint.Check(null, 'b > 0')],
                [new IndexDef(null, ['a'], false), new IndexDef('by_b', ['b'], false)], false, null)

        when:
        def named = ConventionNaming.apply(ALL, [op])
        CreateTable t = named.operations()[0] as CreateTable

        then:
        t.columns().every { !it.primaryKey() && !it.unique() && it.references() == null }
        !t.columns()[0].nullable()
        t.constraints() == [
                new TableConstraint.PrimaryKey('pk_orders', ['id']),
                new TableConstraint.Unique('uq_orders_code', ['code']),
                new TableConstraint.ForeignKey('fk_orders_customer_id_customers', ['customer_id'], 'app.customers', ['id'], 'CASCADE', null),
                new TableConstraint.Unique('uq_orders_a_b', ['a', 'b']), new TableConstraint.Unique('kept', ['b']),
                new TableConstraint.Check('ck_orders_positive', 'a > 0'), new TableConstraint.Check(null, 'b > 0')]
        t.indexes() == [new IndexDef('ix_orders_a', ['a'], false), new IndexDef('by_b', ['b'], false)]
        named.origins()[t].is(op)
        named.given()*.name() as Set == ['pk_orders', 'uq_orders_code', 'fk_orders_customer_id_customers', 'uq_orders_a_b',
                                         'ck_orders_positive', 'ix_orders_a'] as Set
    }

    def "addColumn with a key, unique or reference becomes the plain column and the named constraints after it"() {
        given:
        def op = new AddColumn(null, 'orders', col('customer_id').withUnique(true)
                .withReferences(new ForeignKeyRef('customers', 'id', null, null)), false)

        expect:
        ConventionNaming.apply(ALL, [op]).operations() == [
                new AddColumn(null, 'orders', col('customer_id'), false),
                new CreateUniqueConstraint(null, 'uq_orders_customer_id', 'orders', ['customer_id']),
                new CreateForeignKey(null, 'fk_orders_customer_id_customers', 'orders', 'customers', ['customer_id'], ['id'], null, null)]
    }

    def "only the kinds the convention has are named; without one, the operations come back as they were"() {
        given:
        def onlyFk = NamingConvention.of([(FK): 'fk_%(column_0_name)s'])
        def ops = [new CreateUniqueConstraint(null, null, 't', ['a']), new CreateForeignKey(null, null, 't', 'u', ['a'], ['id'], null, null),
                   new CreateCheckConstraint(null, 'c', 't', 'a > 0'), CreateIndex.of(null, null, 't', ['a'])]

        expect:
        ConventionNaming.apply(onlyFk, ops).operations()*.describe() == ['createUniqueConstraint null', 'createForeignKey fk_a',
                                                                         'createCheckConstraint c', 'createIndex null']
        ConventionNaming.apply(NamingConvention.NONE, ops).operations().every { op -> ops.any { it.is(op) } }
    }

    def "a check: named through %(constraint_name)s, kept when already in the template's shape, unnamed left so; a template without the token names every check"() {
        expect:
        ALL.checkName('t', 'positive') == Optional.of('ck_t_positive')
        ALL.checkName('t', 'ck_t_positive') == Optional.of('ck_t_positive')
        ALL.checkName('t', null) == Optional.empty()
        NamingConvention.of([(CK): 'ck_%(table_name)s']).checkName('t', null) == Optional.of('ck_t')
        NamingConvention.of([(CK): 'ck_%(table_name)s']).checkName('t', 'given') == Optional.empty()
    }

    def "blocks are named inside, and a loaded revision keeps each operation's line and safetyAssured, in both directions"() {
        given:
        def fk = new CreateForeignKey(null, null, 't', 'u', ['a'], ['id'], null, null)
        def ix = CreateIndex.of(null, null, 't', ['a']).withConcurrently(true)
        def block = new OnDialect(['postgresql'], [new Autocommit([ix])])
        def downFk = new CreateForeignKey(null, null, 't', 'u', ['a'], ['id'], null, null)
        def source = new RevisionSource(Revision.of('r1'), Path.of('r1.groovy'), ScriptLanguage.GROOVY, 'hash')
        // By identity: fk and downFk are equal records on different lines.
        def lines = new IdentityHashMap<Operation, Integer>()
        lines.put(fk, 7); lines.put(block, 9); lines.put(ix, 10); lines.put(downFk, 14)
        def assured = Collections.newSetFromMap(new IdentityHashMap<Operation, Boolean>())
        assured.add(fk)
        def loaded = new LoadedRevision(source, [fk, block], Optional.of([downFk]), lines, assured)

        when:
        def named = loaded.named(ALL)
        def namedFk = named.upgrade()[0] as CreateForeignKey
        def namedIx = ((named.upgrade()[1] as OnDialect).operations()[0] as Autocommit).operations()[0] as CreateIndex

        then:
        namedFk.name() == 'fk_t_a_u'
        namedIx.name() == 'ix_t_a' && namedIx.concurrently()
        named.lineOf(namedFk) == 7
        named.lineOf(named.upgrade()[1]) == 9
        named.lineOf(namedIx) == 10
        named.isAssured(namedFk)
        !named.isAssured(named.downgrade()[0])
        (named.downgrade()[0] as CreateForeignKey).name() == 'fk_t_a_u'
        named.lineOf(named.downgrade()[0]) == 14
        named.conventionNames() == [fk_t_a_u: 7, ix_t_a: 10]
        loaded.named(NamingConvention.NONE).is(loaded)
    }

    def "the derived downgrade drops what the convention named by that name"() {
        given:
        def source = new RevisionSource(Revision.of('r1'), Path.of('r1.groovy'), ScriptLanguage.GROOVY, 'hash')
        def loaded = new LoadedRevision(source, [new AddColumn(null, 't', col('u_id').withReferences(new ForeignKeyRef('u', 'id', null, null)), false)],
                Optional.empty(), [:])

        expect:
        loaded.named(ALL).downgrade()*.describe() == ['dropConstraint fk_t_u_id_u', 'dropColumn t.u_id']
    }
}
