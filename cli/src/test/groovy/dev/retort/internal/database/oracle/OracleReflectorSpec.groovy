package dev.retort.internal.database.oracle

import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.schema.IndexDef
import dev.retort.dsl.schema.TableConstraint
import dev.retort.dsl.type.ColumnType
import dev.retort.internal.database.SchemaReflector
import groovy.sql.Sql
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * The Oracle reader against its data dictionary queries' shape: no Oracle server runs here, so an H2 database holds
 * tables named and shaped like ALL_TABLES, ALL_TAB_COLUMNS, ALL_CONSTRAINTS, ALL_CONS_COLUMNS, ALL_INDEXES,
 * ALL_IND_COLUMNS and the comment views, with the rows Oracle would give for two small tables.
 */
class OracleReflectorSpec extends Specification {
    @Shared @AutoCleanup Sql sql = Sql.newInstance('jdbc:h2:mem:retort_dbpkg_oracle;DB_CLOSE_DELAY=-1', 'sa', '')

    def setupSpec() {
        sql.execute '''
            CREATE TABLE all_tables (owner VARCHAR(128), table_name VARCHAR(128), dropped VARCHAR(3));
            CREATE TABLE all_tab_comments (owner VARCHAR(128), table_name VARCHAR(128), comments VARCHAR(4000));
            CREATE TABLE all_col_comments (owner VARCHAR(128), table_name VARCHAR(128), column_name VARCHAR(128), comments VARCHAR(4000));
            CREATE TABLE all_tab_columns (owner VARCHAR(128), table_name VARCHAR(128), column_name VARCHAR(128), data_type VARCHAR(128),
                data_length INTEGER, data_precision INTEGER, data_scale INTEGER, char_length INTEGER, char_used VARCHAR(1),
                nullable VARCHAR(1), data_default VARCHAR(4000), column_id INTEGER, identity_column VARCHAR(3));
            CREATE TABLE all_constraints (owner VARCHAR(128), constraint_name VARCHAR(128), constraint_type VARCHAR(1),
                table_name VARCHAR(128), search_condition VARCHAR(4000), r_owner VARCHAR(128), r_constraint_name VARCHAR(128),
                delete_rule VARCHAR(9), generated VARCHAR(14), index_name VARCHAR(128));
            CREATE TABLE all_cons_columns (owner VARCHAR(128), constraint_name VARCHAR(128), table_name VARCHAR(128),
                column_name VARCHAR(4000), position INTEGER);
            CREATE TABLE all_indexes (owner VARCHAR(128), index_name VARCHAR(128), index_type VARCHAR(27), table_owner VARCHAR(128),
                table_name VARCHAR(128), uniqueness VARCHAR(9));
            CREATE TABLE all_ind_columns (index_owner VARCHAR(128), index_name VARCHAR(128), table_owner VARCHAR(128),
                table_name VARCHAR(128), column_name VARCHAR(4000), column_position INTEGER);

            INSERT INTO all_tables VALUES ('PUBLIC', 'CUSTOMERS', 'NO'), ('PUBLIC', 'ORDERS', 'NO'), ('PUBLIC', 'RETORT_VERSION', 'NO'),
                ('PUBLIC', 'BIN$3Kx0AAAAAA==$0', 'YES'), ('OTHER', 'ELSEWHERE', 'NO');
            INSERT INTO all_tab_comments VALUES ('PUBLIC', 'CUSTOMERS', 'who buys'), ('PUBLIC', 'ORDERS', NULL);
            INSERT INTO all_col_comments VALUES ('PUBLIC', 'CUSTOMERS', 'NAME', 'as printed on invoices');
            INSERT INTO all_tab_columns VALUES
                ('PUBLIC', 'CUSTOMERS', 'ID', 'NUMBER', 22, 10, 0, 0, NULL, 'N', '"PUBLIC"."ISEQ$$_7301".nextval', 1, 'YES'),
                ('PUBLIC', 'CUSTOMERS', 'NAME', 'VARCHAR2', 400, NULL, NULL, 100, 'C', 'N', \'\'\'anon\'\' \', 2, 'NO'),
                ('PUBLIC', 'CUSTOMERS', 'EMAIL', 'VARCHAR2', 800, NULL, NULL, 200, 'C', 'Y', NULL, 3, 'NO'),
                ('PUBLIC', 'CUSTOMERS', 'BALANCE', 'NUMBER', 22, 12, 2, 0, NULL, 'Y', '0', 4, 'NO'),
                ('PUBLIC', 'CUSTOMERS', 'CREATED', 'TIMESTAMP(6)', 11, NULL, 6, 0, NULL, 'Y', NULL, 5, 'NO'),
                ('PUBLIC', 'CUSTOMERS', 'PHOTO', 'BLOB', 4000, NULL, NULL, 0, NULL, 'Y', NULL, 6, 'NO'),
                ('PUBLIC', 'ORDERS', 'ID', 'NUMBER', 22, 19, 0, 0, NULL, 'N', NULL, 1, 'NO'),
                ('PUBLIC', 'ORDERS', 'CUSTOMER_ID', 'NUMBER', 22, 10, 0, 0, NULL, 'Y', NULL, 2, 'NO'),
                ('PUBLIC', 'ORDERS', 'TOKEN', 'RAW', 16, NULL, NULL, 0, NULL, 'Y', NULL, 3, 'NO');
            INSERT INTO all_constraints VALUES
                ('PUBLIC', 'SYS_C008101', 'P', 'CUSTOMERS', NULL, NULL, NULL, NULL, 'GENERATED NAME', 'SYS_C008101'),
                ('PUBLIC', 'SYS_C008100', 'C', 'CUSTOMERS', '"NAME" IS NOT NULL', NULL, NULL, NULL, 'GENERATED NAME', NULL),
                ('PUBLIC', 'UQ_CUSTOMERS_EMAIL', 'U', 'CUSTOMERS', NULL, NULL, NULL, NULL, 'USER NAME', 'UQ_CUSTOMERS_EMAIL'),
                ('PUBLIC', 'CK_BALANCE', 'C', 'CUSTOMERS', 'balance >= 0', NULL, NULL, NULL, 'USER NAME', NULL),
                ('PUBLIC', 'PK_ORDERS', 'P', 'ORDERS', NULL, NULL, NULL, NULL, 'USER NAME', 'PK_ORDERS'),
                ('PUBLIC', 'FK_ORDERS_CUSTOMER', 'R', 'ORDERS', NULL, 'PUBLIC', 'SYS_C008101', 'CASCADE', 'USER NAME', NULL);
            INSERT INTO all_cons_columns VALUES
                ('PUBLIC', 'SYS_C008101', 'CUSTOMERS', 'ID', 1),
                ('PUBLIC', 'SYS_C008100', 'CUSTOMERS', 'NAME', NULL),
                ('PUBLIC', 'UQ_CUSTOMERS_EMAIL', 'CUSTOMERS', 'EMAIL', 1),
                ('PUBLIC', 'CK_BALANCE', 'CUSTOMERS', 'BALANCE', NULL),
                ('PUBLIC', 'PK_ORDERS', 'ORDERS', 'ID', 1),
                ('PUBLIC', 'FK_ORDERS_CUSTOMER', 'ORDERS', 'CUSTOMER_ID', 1);
            INSERT INTO all_indexes VALUES
                ('PUBLIC', 'SYS_C008101', 'NORMAL', 'PUBLIC', 'CUSTOMERS', 'UNIQUE'),
                ('PUBLIC', 'UQ_CUSTOMERS_EMAIL', 'NORMAL', 'PUBLIC', 'CUSTOMERS', 'UNIQUE'),
                ('PUBLIC', 'IX_CUSTOMERS_NAME_CREATED', 'NORMAL', 'PUBLIC', 'CUSTOMERS', 'NONUNIQUE'),
                ('PUBLIC', 'SYS_IL0000073010C00006$$', 'LOB', 'PUBLIC', 'CUSTOMERS', 'UNIQUE'),
                ('PUBLIC', 'PK_ORDERS', 'NORMAL', 'PUBLIC', 'ORDERS', 'UNIQUE'),
                ('PUBLIC', 'UX_ORDERS_TOKEN', 'NORMAL', 'PUBLIC', 'ORDERS', 'UNIQUE');
            INSERT INTO all_ind_columns VALUES
                ('PUBLIC', 'SYS_C008101', 'PUBLIC', 'CUSTOMERS', 'ID', 1),
                ('PUBLIC', 'UQ_CUSTOMERS_EMAIL', 'PUBLIC', 'CUSTOMERS', 'EMAIL', 1),
                ('PUBLIC', 'IX_CUSTOMERS_NAME_CREATED', 'PUBLIC', 'CUSTOMERS', 'CREATED', 2),
                ('PUBLIC', 'IX_CUSTOMERS_NAME_CREATED', 'PUBLIC', 'CUSTOMERS', 'NAME', 1),
                ('PUBLIC', 'SYS_IL0000073010C00006$$', 'PUBLIC', 'CUSTOMERS', 'PHOTO', 1),
                ('PUBLIC', 'PK_ORDERS', 'PUBLIC', 'ORDERS', 'ID', 1),
                ('PUBLIC', 'UX_ORDERS_TOKEN', 'PUBLIC', 'ORDERS', 'TOKEN', 1);
        '''
    }

    def reflect() {
        SchemaReflector.forDialect(Dialects.byName('oracle')).reflect(sql.connection, ['retort_version'] as Set)
    }

    def "the Oracle dialect's reader is the data dictionary one"() {
        expect:
        SchemaReflector.forDialect(Dialects.byName('oracle')) instanceof OracleReflector
    }

    def "tables of the current schema, without dropped ones in the recycle bin or the ignored ones, in lower case"() {
        expect:
        reflect().tables()*.name() == ['customers', 'orders']
    }

    def "columns: generic types, nullability, identity, defaults and comments"() {
        when:
        def customers = reflect().table('customers').get()

        then:
        customers.comment() == 'who buys'
        customers.columns()*.name() == ['id', 'name', 'email', 'balance', 'created', 'photo']
        with(customers.column('id').get()) {
            type() == ColumnType.of(dev.retort.dsl.type.TypeKind.INTEGER)
            !nullable()
            autoIncrement()
            defaultValue() == null
        }
        with(customers.column('name').get()) {
            type() == ColumnType.string(100)
            !nullable()
            defaultValue() == new ColumnDefault.Literal('anon')
            comment() == 'as printed on invoices'
        }
        customers.column('email').get().nullable()
        customers.column('balance').get().type() == ColumnType.numeric(12, 2)
        customers.column('created').get().type() == ColumnType.of(dev.retort.dsl.type.TypeKind.TIMESTAMP)
        customers.column('photo').get().type() == ColumnType.of(dev.retort.dsl.type.TypeKind.BLOB)
        with(reflect().table('orders').get()) {
            column('id').get().type() == ColumnType.of(dev.retort.dsl.type.TypeKind.BIGINT)
            column('token').get().type() == ColumnType.binary(16)
        }
    }

    def "constraints: generated names dropped, NOT NULL checks left out, foreign keys resolved through the key they point at"() {
        when:
        def customers = reflect().table('customers').get()
        def orders = reflect().table('orders').get()

        then:
        customers.primaryKey() == new TableConstraint.PrimaryKey(null, ['id'])
        customers.uniques() == [new TableConstraint.Unique('uq_customers_email', ['email'])]
        customers.checks() == [new TableConstraint.Check('ck_balance', 'balance >= 0')]
        orders.primaryKey() == new TableConstraint.PrimaryKey('pk_orders', ['id'])
        orders.foreignKeys() == [new TableConstraint.ForeignKey('fk_orders_customer', ['customer_id'], 'customers', ['id'], 'CASCADE', null)]
    }

    def "indexes: the user's, in column order; those carrying a key and LOB indexes left out"() {
        expect:
        reflect().table('customers').get().indexes() == [new IndexDef('ix_customers_name_created', ['name', 'created'], false)]
        reflect().table('orders').get().indexes() == [new IndexDef('ux_orders_token', ['token'], true)]
    }

    def "SYS_C names are the server's own"() {
        expect:
        SchemaReflector.forDialect(Dialects.byName('oracle')).isGeneratedName('customers', 'SYS_C008101')
        !SchemaReflector.forDialect(Dialects.byName('oracle')).isGeneratedName('customers', 'ck_balance')
    }
}
