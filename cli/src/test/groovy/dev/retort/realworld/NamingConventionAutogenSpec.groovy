package dev.retort.realworld

import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Autogenerate under a naming convention: a generated script leaves unnamed what the convention will name when it runs,
 * states the convention's name where it adds a constraint to an existing table, and checks are compared by the names
 * the convention gives them, so {@code check} is clean after every upgrade and downgrade.
 */
class NamingConventionAutogenSpec extends Specification {
    @TempDir Path dir

    /** Unlike the names autogenerate falls back on without a convention (uq_t_cols, fk_t_cols_ref), so the specs tell them apart. */
    static final Map<String, String> CONVENTION = [
            'naming_convention.pk': 'pkey_%(table_name)s',
            'naming_convention.fk': 'fkey_%(table_name)s_%(column_0_name)s',
            'naming_convention.uq': 'uniq_%(table_name)s_%(column_0_N_name)s',
            'naming_convention.ck': 'chk_%(table_name)s_%(constraint_name)s',
    ]

    static final String V1 = '''\
createTable('customers') {
    column 'id', integer, primaryKey: true
    column 'email', string(100), unique: true
    column 'code', string(10)
}
createTable('orders') {
    column 'id', integer, primaryKey: true
    column 'customer_id', integer, references: 'customers.id'
    column 'amount', integer
    check 'positive', 'amount > 0'
}
'''
    /** A unique constraint and a foreign key added to tables that exist. */
    static final String V2 = V1.replace("    column 'code', string(10)\n", "    column 'code', string(10)\n    unique(['code'])\n")
            .replace("    column 'amount', integer\n", "    column 'amount', integer\n    column 'referrer_id', integer, references: 'customers.id'\n")
    /** The orders table gone: its downgrade writes it back. */
    static final String V3 = V2.substring(0, V2.indexOf("createTable('orders')"))

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db autogenerate under a naming convention round-trips: generated, applied, checked clean, and undone"() {
        given:
        def p = RealWorldDatabases.project(dir, db, 'naming_autogen').configure(CONVENTION)
        p.model(V1)

        when: 'new tables: what the model leaves unnamed stays unnamed in the script, and the run names it'
        def first = p.run('revision', '--autogenerate', '-m', 'initial', '--rev-id', 'a1a1a1a1a1a1')
        def up1 = p.run('upgrade', 'head')
        def text1 = p.revisionText('initial')

        then:
        first.exitCode == 0
        up1.exitCode == 0
        text1.contains("column 'email', string(100), unique: true")
        !text1.contains('uniq_customers_email')
        p.run('check').out.trim() == 'No new upgrade operations detected.'

        when: 'constraints added to existing tables are stated with the names the convention gives'
        p.model(V2)
        def second = p.run('revision', '--autogenerate', '-m', 'second', '--rev-id', 'b2b2b2b2b2b2')
        def up2 = p.run('upgrade', 'head')
        def text2 = p.revisionText('second')

        then:
        second.exitCode == 0
        up2.exitCode == 0
        text2.contains('uniq_customers_code')
        text2.contains('fkey_orders_referrer_id')
        !text2.contains('uq_customers_code')
        p.run('check').out.trim() == 'No new upgrade operations detected.'

        when: 'a dropped table is written back for the downgrade without the names the convention gives'
        p.model(V3)
        def third = p.run('revision', '--autogenerate', '-m', 'third', '--rev-id', 'c3c3c3c3c3c3')
        def up3 = p.run('upgrade', 'head')
        def text3 = p.revisionText('third')
        def down3 = p.run('downgrade', '-1')
        p.model(V2)

        then:
        third.exitCode == 0
        up3.exitCode == 0
        text3.contains("references: 'customers.id'")
        !text3.contains('fkey_orders_customer_id')
        !text3.contains('pkey_orders')
        // SQLite's reflection reads no checks.
        db == 'sqlite' || text3.contains("check 'chk_orders_positive'")
        down3.exitCode == 0
        p.run('check').out.trim() == 'No new upgrade operations detected.'

        when: 'the generated downgrades drop what the convention named'
        def down = p.run('downgrade', 'base')

        then:
        down.exitCode == 0

        where:
        db << RealWorldDatabases.ALL
    }
}
