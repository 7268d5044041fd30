package dev.retort.internal.database.sqlserver

import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.schema.ColumnDefault
import dev.retort.dsl.schema.IndexDef
import dev.retort.dsl.schema.TableConstraint
import dev.retort.dsl.type.ColumnType
import dev.retort.dsl.type.TypeKind
import dev.retort.internal.database.SchemaReflector
import groovy.sql.Sql
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * The SQL Server reader against its catalog queries' shape: no SQL Server runs here, so an H2 database holds a schema
 * {@code sys} with tables named and shaped like the catalog views the reader asks, with the rows SQL Server would
 * give for two small tables in schema {@code PUBLIC} (H2's current schema, standing in for {@code dbo}).
 */
class SqlServerReflectorSpec extends Specification {
    @Shared @AutoCleanup Sql sql = Sql.newInstance('jdbc:h2:mem:retort_dbpkg_sqlserver;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE', 'sa', '')

    def setupSpec() {
        sql.execute '''
            CREATE SCHEMA sys;
            CREATE TABLE sys.schemas (schema_id INTEGER, name VARCHAR(128));
            CREATE TABLE sys.tables (object_id INTEGER, schema_id INTEGER, name VARCHAR(128), is_ms_shipped TINYINT);
            CREATE TABLE sys.types (user_type_id INTEGER, name VARCHAR(128));
            CREATE TABLE sys.columns (object_id INTEGER, column_id INTEGER, name VARCHAR(128), user_type_id INTEGER, max_length SMALLINT,
                precision TINYINT, scale TINYINT, is_nullable TINYINT, is_identity TINYINT, default_object_id INTEGER);
            CREATE TABLE sys.default_constraints (object_id INTEGER, definition VARCHAR(4000));
            CREATE TABLE sys.key_constraints (name VARCHAR(128), parent_object_id INTEGER, type CHAR(2), unique_index_id INTEGER,
                is_system_named TINYINT);
            CREATE TABLE sys.indexes (object_id INTEGER, index_id INTEGER, name VARCHAR(128), type TINYINT, is_unique TINYINT,
                is_primary_key TINYINT, is_unique_constraint TINYINT);
            CREATE TABLE sys.index_columns (object_id INTEGER, index_id INTEGER, column_id INTEGER, key_ordinal TINYINT,
                is_included_column TINYINT);
            CREATE TABLE sys.foreign_keys (object_id INTEGER, name VARCHAR(128), parent_object_id INTEGER, referenced_object_id INTEGER,
                is_system_named TINYINT, delete_referential_action_desc VARCHAR(60), update_referential_action_desc VARCHAR(60));
            CREATE TABLE sys.foreign_key_columns (constraint_object_id INTEGER, constraint_column_id INTEGER, parent_object_id INTEGER,
                parent_column_id INTEGER, referenced_object_id INTEGER, referenced_column_id INTEGER);
            CREATE TABLE sys.check_constraints (name VARCHAR(128), parent_object_id INTEGER, definition VARCHAR(4000), is_system_named TINYINT);
            CREATE TABLE sys.extended_properties (class TINYINT, major_id INTEGER, minor_id INTEGER, name VARCHAR(128), value VARCHAR(7500));

            INSERT INTO sys.schemas VALUES (1, 'PUBLIC'), (5, 'audit');
            INSERT INTO sys.tables VALUES (101, 1, 'customers', 0), (102, 1, 'orders', 0), (103, 1, 'retort_version', 0),
                (104, 5, 'elsewhere', 0), (105, 1, 'spt_values', 1);
            INSERT INTO sys.types VALUES (56, 'int'), (127, 'bigint'), (231, 'nvarchar'), (106, 'decimal'), (42, 'datetime2'),
                (165, 'varbinary'), (104, 'bit'), (36, 'uniqueidentifier');
            INSERT INTO sys.columns VALUES
                (101, 1, 'id', 56, 4, 10, 0, 0, 1, 0),
                (101, 2, 'name', 231, 200, 0, 0, 0, 0, 901),
                (101, 3, 'email', 231, 400, 0, 0, 1, 0, 0),
                (101, 4, 'balance', 106, 9, 12, 2, 1, 0, 902),
                (101, 5, 'created', 42, 8, 27, 7, 1, 0, 0),
                (101, 6, 'notes', 231, -1, 0, 0, 1, 0, 0),
                (101, 7, 'active', 104, 1, 1, 0, 0, 0, 903),
                (102, 1, 'id', 127, 8, 19, 0, 0, 0, 0),
                (102, 2, 'customer_id', 56, 4, 10, 0, 1, 0, 0),
                (102, 3, 'token', 36, 16, 0, 0, 1, 0, 0);
            INSERT INTO sys.default_constraints VALUES (901, '(N''anon'')'), (902, '((0))'), (903, '((1))');
            INSERT INTO sys.key_constraints VALUES ('PK__customer__3213E83F6A1B', 101, 'PK', 1, 1),
                ('uq_customers_email', 101, 'UQ', 2, 0), ('pk_orders', 102, 'PK', 1, 0);
            INSERT INTO sys.indexes VALUES (101, 1, 'PK__customer__3213E83F6A1B', 1, 1, 1, 0),
                (101, 2, 'uq_customers_email', 2, 1, 0, 1), (101, 3, 'ix_customers_name_created', 2, 0, 0, 0),
                (102, 1, 'pk_orders', 1, 1, 1, 0), (102, 2, 'ux_orders_token', 2, 1, 0, 0),
                (103, 0, NULL, 0, 0, 0, 0);
            INSERT INTO sys.index_columns VALUES (101, 1, 1, 1, 0), (101, 2, 3, 1, 0), (101, 3, 5, 2, 0),
                (101, 3, 2, 1, 0), (101, 3, 3, 0, 1), (102, 1, 1, 1, 0), (102, 2, 3, 1, 0);
            INSERT INTO sys.foreign_keys VALUES (801, 'fk_orders_customer', 102, 101, 0, 'CASCADE', 'NO_ACTION');
            INSERT INTO sys.foreign_key_columns VALUES (801, 1, 102, 2, 101, 1);
            INSERT INTO sys.check_constraints VALUES ('ck_balance', 101, '([balance]>=(0))', 0),
                ('CK__customers__activ__5EBF139D', 101, '([active]=(1) OR [active]=(0))', 1);
            INSERT INTO sys.extended_properties VALUES (1, 101, 0, 'MS_Description', 'who buys'),
                (1, 101, 2, 'MS_Description', 'as printed on invoices'), (1, 101, 3, 'Owner', 'sales');
        '''
    }

    def reflect() {
        SchemaReflector.forDialect(Dialects.byName('mssql')).reflect(sql.connection, ['retort_version'] as Set)
    }

    def "the SQL Server dialect's reader is the catalog view one"() {
        expect:
        SchemaReflector.forDialect(Dialects.byName('mssql')) instanceof SqlServerReflector
    }

    def "the user's tables of the current schema, without system tables or the ignored ones"() {
        expect:
        reflect().tables()*.name() == ['customers', 'orders']
    }

    def "columns: generic types from type names and byte lengths, identity, defaults without their brackets, descriptions"() {
        when:
        def customers = reflect().table('customers').get()

        then:
        customers.comment() == 'who buys'
        customers.columns()*.name() == ['id', 'name', 'email', 'balance', 'created', 'notes', 'active']
        with(customers.column('id').get()) {
            type() == ColumnType.of(TypeKind.INTEGER)
            autoIncrement()
            !nullable()
        }
        with(customers.column('name').get()) {
            type() == ColumnType.string(100)
            !nullable()
            comment() == 'as printed on invoices'
            defaultValue() == new ColumnDefault.Literal('anon')
        }
        customers.column('email').get().type() == ColumnType.string(200)
        customers.column('email').get().comment() == null
        customers.column('balance').get().type() == ColumnType.numeric(12, 2)
        customers.column('balance').get().defaultValue() == new ColumnDefault.Literal(new BigDecimal('0'))
        customers.column('created').get().type() == ColumnType.of(TypeKind.TIMESTAMP)
        customers.column('notes').get().type() == ColumnType.of(TypeKind.STRING)
        customers.column('active').get().type() == ColumnType.of(TypeKind.BOOLEAN)
        with(reflect().table('orders').get()) {
            column('id').get().type() == ColumnType.of(TypeKind.BIGINT)
            column('token').get().type() == ColumnType.of(TypeKind.UUID)
        }
    }

    def "keys and checks: server-made names dropped, foreign keys with their actions"() {
        when:
        def customers = reflect().table('customers').get()
        def orders = reflect().table('orders').get()

        then:
        customers.primaryKey() == new TableConstraint.PrimaryKey(null, ['id'])
        customers.uniques() == [new TableConstraint.Unique('uq_customers_email', ['email'])]
        customers.checks() == [new TableConstraint.Check('ck_balance', '[balance]>=(0)')]
        orders.primaryKey() == new TableConstraint.PrimaryKey('pk_orders', ['id'])
        orders.foreignKeys() == [new TableConstraint.ForeignKey('fk_orders_customer', ['customer_id'], 'customers', ['id'], 'CASCADE', null)]
    }

    def "indexes: the user's, key columns in order, included columns and key indexes left out"() {
        expect:
        reflect().table('customers').get().indexes() == [new IndexDef('ix_customers_name_created', ['name', 'created'], false)]
        reflect().table('orders').get().indexes() == [new IndexDef('ux_orders_token', ['token'], true)]
    }
}
