package dev.retort.adopt

import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TempProject
import dev.retort.testing.TestDatabases
import java.nio.file.Files
import java.nio.file.Path
import java.sql.DriverManager
import org.flywaydb.core.Flyway
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A database that Flyway itself built on PostgreSQL (PL/pgSQL functions in dollar quotes, a trigger, data) is taken
 * over: its folder imported as revisions, the database adopted, a new Retort revision applied on top; and a fresh
 * database built from the imported revisions alone ends with the same schema, functions and triggers.
 */
@IgnoreIf({ !TestDatabases.hasPostgres() })
class AdoptFlywayOnPostgresSpec extends Specification {
    @TempDir Path tmp

    static final Map<String, String> MIGRATIONS = [
            'V1__create_users.sql'       : '''\
                -- the shop's users
                CREATE TABLE users (
                    id SERIAL PRIMARY KEY,
                    name VARCHAR(100) NOT NULL, -- a comment; with a semicolon
                    status VARCHAR(20) DEFAULT 'new;' NOT NULL
                );
                CREATE INDEX ix_users_name ON users (name);
                '''.stripIndent(),
            'V1_1__add_orders.sql'       : '''\
                CREATE TABLE orders (
                    id SERIAL PRIMARY KEY,
                    user_id INT NOT NULL REFERENCES users (id),
                    total NUMERIC(10, 2) NOT NULL DEFAULT 0,
                    updated_at TIMESTAMP
                );
                /* a block comment; with semicolons; */
                INSERT INTO users (name) VALUES ('O''Brien; the first');
                '''.stripIndent(),
            'V2__order_functions.sql'    : '''\
                CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;

                CREATE TRIGGER orders_touch BEFORE UPDATE ON orders
                    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

                CREATE FUNCTION order_count(p_user INT) RETURNS INT AS $body$
                DECLARE
                    n INT;
                BEGIN
                    SELECT count(*) INTO n FROM orders WHERE user_id = p_user; -- a ';' inside the body
                    RETURN n;
                END;
                $body$ LANGUAGE plpgsql;
                '''.stripIndent(),
            'U2__order_functions.sql'    : '''\
                DROP TRIGGER orders_touch ON orders;
                DROP FUNCTION touch_updated_at();
                DROP FUNCTION order_count(INT);
                '''.stripIndent(),
            'V10__user_email.sql'        : 'ALTER TABLE users ADD COLUMN email VARCHAR(255);\n',
    ]

    Path flywayFolder() {
        Path dir = Files.createDirectories(tmp.resolve('db/migration'))
        MIGRATIONS.each { name, sql -> Files.writeString(dir.resolve(name), sql) }
        dir
    }

    static List<List<String>> rows(String url, String sql) {
        def c = DriverManager.getConnection(url)
        try {
            def rs = c.createStatement().executeQuery(sql)
            int n = rs.metaData.columnCount
            List<List<String>> out = []
            while (rs.next()) out << (1..n).collect { rs.getString(it) }
            return out
        } finally { c.close() }
    }

    /** Tables (without the tools' bookkeeping), functions with their source, triggers, and the data. */
    static Map schema(String url) {
        def c = DriverManager.getConnection(url)
        def tables
        try { tables = SchemaSnapshot.read(c).without(['retort_version', 'retort_history', 'flyway_schema_history']) } finally { c.close() }
        [tables   : tables,
         functions: rows(url, "SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1"),
         triggers : rows(url, "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"),
         users    : rows(url, 'SELECT id, name, status FROM users ORDER BY id')]
    }

    def "Flyway's database is imported, adopted and upgraded by Retort; the imported revisions rebuild it exactly"() {
        given: 'a database that Flyway migrated from its own folder'
        Path folder = flywayFolder()
        String flywayUrl = TestDatabases.freshPostgres('retort_adopt_flyway')
        def result = Flyway.configure().dataSource(flywayUrl, null, null).locations('filesystem:' + folder).load().migrate()
        assert result.migrationsExecuted == 4
        def project = new TempProject(tmp.resolve('project'), flywayUrl)

        when: 'the folder is imported'
        def imported = project.run('import', 'flyway', folder.toString())
        def history = project.run('history')

        then: 'one revision per version, in Flyway order (10 after 2), each running its copied SQL file'
        imported.exitCode == 0
        imported.out.count('Generating ') == 4
        history.exitCode == 0
        history.lines().collect { it.replaceAll(/^.* -> \w+(?: \(head\))?, /, '') } == ['user email', 'order functions', 'add orders', 'create users']
        Files.readString(project.versions.resolve('sql/V2__order_functions.sql')) == MIGRATIONS['V2__order_functions.sql']
        def v2 = project.revisionText('order_functions')
        v2.contains("adopts 'flyway:2'")
        v2.contains("sqlFile 'sql/V2__order_functions.sql'")
        v2.contains("sqlFile 'sql/U2__order_functions.sql'")
        project.revisionText('user_email').contains("adopts 'flyway:10'")

        when: 'Retort adopts the database'
        def adopt = project.run('adopt', '--from', 'flyway')
        String head = history.lines()[0].find(/-> (\w+)/) { all, id -> id }

        then: 'it says what it found and stamps the revision of the last version, touching nothing else'
        adopt.exitCode == 0
        adopt.out.contains("Found flyway_schema_history: 4 versioned migrations applied, last 10 'user email' installed ")
        adopt.out.contains("Stamping $head (adopts flyway:10)")
        project.run('current').out.trim() == "$head (head)"
        rows(flywayUrl, 'SELECT count(*) FROM flyway_schema_history') == [['4']]

        when: 'a new Retort revision follows, and upgrade head runs only it'
        project.revisionWithHeader('a1b2c3d4e5f6', head, """
            upgrade {
                addColumn 'users', 'nickname', string(40)
            }
            """, 'a1b2c3d4e5f6_nickname.groovy')
        def upgrade = project.run('upgrade', 'head')

        then:
        upgrade.exitCode == 0
        upgrade.lines().findAll { it.startsWith('Running ') } == ["Running upgrade $head -> a1b2c3d4e5f6, revision a1b2c3d4e5f6".toString()]

        when: 'a fresh database is built by the revisions alone'
        String freshUrl = TestDatabases.freshPostgres('retort_adopt_fresh')
        def fresh = project.run('--url', freshUrl, 'upgrade', 'head')

        then: 'it matches the database Flyway built and Retort continued: tables, functions, triggers and data'
        fresh.exitCode == 0
        fresh.lines().count { it.startsWith('Running upgrade') } == 5
        schema(freshUrl) == schema(flywayUrl)
        schema(freshUrl).functions*.get(0) == ['order_count', 'touch_updated_at']
        schema(freshUrl).triggers*.get(0) == ['orders_touch']
        rows(freshUrl, "SELECT order_count(1)") == [['0']]

        when: 'a database at version 2 goes down through it: its undo file runs'
        String v2Rev = history.lines()[1].find(/-> (\w+)/) { all, id -> id }
        String downUrl = TestDatabases.freshPostgres('retort_adopt_down')
        def toV2 = project.run('--url', downUrl, 'upgrade', v2Rev)
        def down = project.run('--url', downUrl, 'downgrade', '-1')

        then:
        toV2.exitCode == 0
        down.exitCode == 0
        rows(downUrl, "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'") == [['0']]

        when: 'going further down, through version 1.1, which had no undo file'
        def refused = project.run('--url', downUrl, 'downgrade', 'base')

        then: 'it refuses before running anything, naming the revision and its SQL file'
        refused.exitCode == 1
        refused.err.contains("sqlFile sql/V1_1__add_orders.sql' cannot be reversed automatically")
        rows(downUrl, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'") == [['1']]
    }
}
