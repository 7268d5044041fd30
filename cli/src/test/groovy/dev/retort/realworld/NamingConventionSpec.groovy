package dev.retort.realworld

import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.TempDir

/**
 * retort.ini's naming_convention names every key, unique constraint, foreign key, check and index a revision leaves
 * unnamed, the same on every database, so a later revision drops them by those names everywhere, online and offline.
 */
class NamingConventionSpec extends Specification {
    @TempDir Path dir

    static final Map<String, String> CONVENTION = [
            'naming_convention.pk': 'pk_%(table_name)s',
            'naming_convention.fk': 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
            'naming_convention.uq': 'uq_%(table_name)s_%(column_0_N_name)s',
            'naming_convention.ck': 'ck_%(table_name)s_%(constraint_name)s',
            'naming_convention.ix': 'ix_%(table_name)s_%(column_0_N_name)s',
    ]

    static final String CREATE_GROOVY = '''
        upgrade {
            createTable('customers') {
                column 'id', integer, primaryKey: true
                column 'email', string(100), unique: true
                column 'region', string(10)
                column 'tier', string(10)
                unique(['region', 'tier'])
            }
            createTable('orders') {
                column 'id', integer, primaryKey: true
                column 'customer_id', integer, references: 'customers.id'
                column 'amount', integer
                check 'positive', 'amount > 0'
                index(['customer_id'])
            }
            addColumn 'customers', 'code', string(10), unique: true
            createIndex null, 'orders', ['amount']
        }
    '''

    static final String CREATE_KOTLIN = '''
        upgrade {
            createTable("customers") {
                column("id", integer, primaryKey = true)
                column("email", string(100), unique = true)
                column("region", string(10))
                column("tier", string(10))
                unique(listOf("region", "tier"))
            }
            createTable("orders") {
                column("id", integer, primaryKey = true)
                column("customer_id", integer, references = "customers.id")
                column("amount", integer)
                check("positive", "amount > 0")
                index(listOf("customer_id"))
            }
            addColumn("customers", "code", string(10), unique = true)
            createIndex(null, "orders", listOf("amount"))
        }
    '''

    static final String DROP_GROOVY = '''
        upgrade {
            dropConstraint 'fk_orders_customer_id_customers', 'orders', type: 'foreignKey'
            dropConstraint 'ck_orders_positive', 'orders', type: 'check'
            dropIndex 'ix_orders_customer_id', table: 'orders'
            dropIndex 'ix_orders_amount', table: 'orders'
            dropConstraint 'uq_customers_email', 'customers', type: 'unique'
            dropConstraint 'uq_customers_region_tier', 'customers', type: 'unique'
            dropConstraint 'uq_customers_code', 'customers', type: 'unique'
            dropConstraint 'pk_orders', 'orders', type: 'primary'
        }
        downgrade { }
    '''

    static final String DROP_KOTLIN = '''
        upgrade {
            dropConstraint("fk_orders_customer_id_customers", "orders", type = "foreignKey")
            dropConstraint("ck_orders_positive", "orders", type = "check")
            dropIndex("ix_orders_customer_id", table = "orders")
            dropIndex("ix_orders_amount", table = "orders")
            dropConstraint("uq_customers_email", "customers", type = "unique")
            dropConstraint("uq_customers_region_tier", "customers", type = "unique")
            dropConstraint("uq_customers_code", "customers", type = "unique")
            dropConstraint("pk_orders", "orders", type = "primary")
        }
        downgrade { }
    '''

    /** The names the convention gives; MariaDB calls every primary key PRIMARY, whatever it was named. */
    static List<String> expectedNames(String db) {
        ['fk_orders_customer_id_customers', 'ck_orders_positive', 'ix_orders_customer_id', 'ix_orders_amount', 'uq_customers_email',
         'uq_customers_region_tier', 'uq_customers_code'] + (db == 'mariadb' ? [] : ['pk_orders', 'pk_customers'])
    }

    TempProject project(String db, String language) {
        def p = RealWorldDatabases.project(dir, db, "naming_$language").configure(CONVENTION)
        if (language == 'kotlin') {
            p.revisionWithHeader('a10000000001', null, CREATE_KOTLIN, 'a10000000001.kts')
            p.revisionWithHeader('a10000000002', 'a10000000001', DROP_KOTLIN, 'a10000000002.kts')
        } else {
            p.revisionWithHeader('a10000000001', null, CREATE_GROOVY)
            p.revisionWithHeader('a10000000002', 'a10000000001', DROP_GROOVY)
        }
        p
    }

    /** Every constraint and index name of the two tables, lower case, as the database's catalog holds them. */
    static Set<String> names(TempProject p, String db) {
        List<List<String>> rows
        switch (db) {
            case 'postgresql':
                rows = p.rows("SELECT conname FROM pg_constraint WHERE conrelid IN ('orders'::regclass, 'customers'::regclass)") +
                        p.rows("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('orders', 'customers')")
                break
            case 'mariadb':
                rows = p.rows("SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = DATABASE() AND table_name IN ('orders', 'customers')") +
                        p.rows("SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name IN ('orders', 'customers')")
                break
            default:
                // SQLite keeps constraint names only in the table's definition.
                def sql = p.rows("SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ('orders', 'customers')").collect { it[0] }.join('\n')
                rows = (sql =~ /CONSTRAINT "?(\w+)"?/).collect { [it[1]] } +
                        p.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('orders', 'customers')")
        }
        rows.collect { it[0].toLowerCase() } as Set
    }

    @Requires({ RealWorldDatabases.available(data.db) })
    def "on #db (#language) what a revision leaves unnamed gets the convention's name, and a later revision drops each by it"() {
        given:
        def p = project(db, language)

        when:
        def created = p.run('upgrade', 'a10000000001')

        then:
        created.exitCode == 0
        names(p, db).containsAll(expectedNames(db))

        when: 'the derived downgrade drops the added unique constraint and index by the same names'
        def down = p.run('downgrade', 'base')

        then:
        down.exitCode == 0
        p.rows(db == 'sqlite' ? "SELECT name FROM sqlite_master WHERE name IN ('orders', 'customers')"
                : "SELECT table_name FROM information_schema.tables WHERE table_name IN ('orders', 'customers')"
                + (db == 'mariadb' ? ' AND table_schema = DATABASE()' : ' AND table_schema = current_schema()')).isEmpty()

        when: 'applied again, the second revision drops every one of them by its name'
        def dropped = p.run('upgrade', 'head')

        then:
        dropped.exitCode == 0
        names(p, db).intersect(expectedNames(db) - ['pk_customers']).isEmpty()

        where:
        [db, language] << [RealWorldDatabases.ALL, ['groovy', 'kotlin']].combinations()
    }

    def "offline (#dialect) the SQL carries the convention's names, and drops them by those names"() {
        given:
        def p = new TempProject(dir).configure(CONVENTION)
        p.revisionWithHeader('a10000000001', null, CREATE_GROOVY)
        p.revisionWithHeader('a10000000002', 'a10000000001', DROP_GROOVY)

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', dialect)

        then:
        run.exitCode == 0
        expected.every { run.out.contains(it) }

        where:
        dialect      | expected
        'postgresql' | ['CONSTRAINT pk_customers PRIMARY KEY (id)', 'CONSTRAINT uq_customers_email UNIQUE (email)',
                        'CONSTRAINT uq_customers_region_tier UNIQUE (region, tier)',
                        'CONSTRAINT fk_orders_customer_id_customers FOREIGN KEY (customer_id) REFERENCES customers (id)',
                        'CONSTRAINT ck_orders_positive CHECK (amount > 0)', 'CREATE INDEX ix_orders_customer_id ON orders (customer_id)',
                        'ALTER TABLE customers ADD CONSTRAINT uq_customers_code UNIQUE (code)', 'CREATE INDEX ix_orders_amount ON orders (amount)',
                        'ALTER TABLE orders DROP CONSTRAINT fk_orders_customer_id_customers', 'ALTER TABLE orders DROP CONSTRAINT pk_orders']
        'mysql'      | ['CONSTRAINT fk_orders_customer_id_customers FOREIGN KEY (customer_id) REFERENCES customers (id)',
                        'CONSTRAINT uq_customers_email UNIQUE (email)', 'ALTER TABLE orders DROP FOREIGN KEY fk_orders_customer_id_customers',
                        'ALTER TABLE customers DROP INDEX uq_customers_code']
        'sqlite'     | ['CONSTRAINT fk_orders_customer_id_customers FOREIGN KEY (customer_id) REFERENCES customers (id)',
                        'CONSTRAINT uq_customers_code UNIQUE (code)', 'CREATE INDEX ix_orders_amount ON orders (amount)']
    }

    def "without a convention nothing is renamed: a named check keeps its name and unnamed keys stay unnamed"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('a10000000001', null, CREATE_GROOVY.replace("index(['customer_id'])", "index('by_customer', ['customer_id'])")
                .replace('createIndex null,', "createIndex 'by_amount',"))

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        run.exitCode == 0
        run.out.contains('CONSTRAINT positive CHECK (amount > 0)')
        run.out.contains('UNIQUE (email)')
        !run.out.contains('uq_customers_email')
    }

    def "without a convention an index left unnamed is an error that says how to name it"() {
        given:
        def p = new TempProject(dir)
        p.revisionWithHeader('a10000000001', null, CREATE_GROOVY)

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        run.exitCode == 1
        run.err.contains('a10000000001.groovy:')
        run.err.contains("the index on orders [customer_id] has no name; give it one, or set naming_convention.ix in retort.ini")
    }

    def "a check already named in the template's shape keeps its name, so a generated or squashed script is not renamed twice"() {
        given:
        def p = new TempProject(dir).configure(CONVENTION)
        p.revisionWithHeader('a10000000001', null, '''
            upgrade {
                createTable('t') { column 'n', integer; check 'ck_t_small', 'n < 10' }
                createCheckConstraint 'big', 't', 'n > 1'
                createCheckConstraint 'ck_t_odd', 't', 'n % 2 = 1'
            }
        ''')

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        run.exitCode == 0
        run.out.contains('CONSTRAINT ck_t_small CHECK (n < 10)')
        run.out.contains('ALTER TABLE t ADD CONSTRAINT ck_t_big CHECK (n > 1)')
        run.out.contains('ALTER TABLE t ADD CONSTRAINT ck_t_odd CHECK')
        !run.out.contains('ck_t_ck_t')
    }

    def "a name longer than the database allows is an error naming the revision's line, before anything runs"() {
        given:
        def p = new TempProject(dir).configure(['naming_convention.fk': 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s_references_it'])
        p.revisionWithHeader('a10000000001', null, '''
            upgrade {
                createTable('customers_with_a_long_name') { column 'id', integer, primaryKey: true }
                createTable('orders_with_a_long_name') {
                    column 'customer_with_a_long_name_id', integer, references: 'customers_with_a_long_name.id'
                }
            }
        ''')

        when:
        def postgres = p.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')
        def sqlite = p.run('upgrade', 'head', '--sql', '--dialect', 'sqlite')

        then:
        postgres.exitCode == 1
        postgres.err.contains('a10000000001.groovy:7')
        postgres.err.contains("the naming convention names a constraint or index 'fk_orders_with_a_long_name_customer_with_a_long_name_id_customers_with_a_long_name_references_it'")
        postgres.err.contains('postgresql allows 63')
        postgres.out.isEmpty()
        sqlite.exitCode == 0
    }

    def "a bad naming_convention is an error at its line in retort.ini (#key = #template)"() {
        given:
        def p = new TempProject(dir).configure([(key): template])
        p.revisionWithHeader('a10000000001', null, "upgrade { createTable('t') { column 'id', integer, primaryKey: true } }\n")

        when:
        def run = p.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        run.exitCode != 0
        run.err.contains("retort.ini:5 [retort]: $key = $template")
        run.err.contains(why)

        where:
        key                    | template                          | why
        'naming_convention.pk' | 'pk_%(tabel_name)s'               | 'uses the unknown token %(tabel_name)s'
        'naming_convention.ck' | 'ck_%(table_name)s_%(column_0_name)s' | "a check's columns are not known"
        'naming_convention.uq' | 'uq_%(referred_table_name)s'       | 'which only a foreign key has'
        'naming_convention.ix' | 'ix_%(constraint_name)s'           | 'which only a check has'
        'naming_convention.xx' | 'xx_%(table_name)s'               | 'names no kind of constraint or index; use naming_convention.pk, .fk, .uq, .ck or .ix'
        'naming_convention'    | 'pk_%(table_name)s'               | 'is not a setting itself'
    }
}
