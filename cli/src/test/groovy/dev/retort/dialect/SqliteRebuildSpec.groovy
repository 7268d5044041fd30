package dev.retort.dialect

import dev.retort.testing.CliRun
import dev.retort.testing.TempProject
import java.nio.file.Path
import java.sql.DriverManager
import spock.lang.Specification
import spock.lang.TempDir

/**
 * SQLite table rebuilds on tables Retort did not create: the definition is read from the live database (PRAGMAs
 * and the CREATE TABLE text), so inline CHECKs, named constraints, partial indexes and AUTOINCREMENT survive, and so
 * do the rows. A rebuild that would break a foreign key fails, and the transaction leaves everything as it was.
 */
class SqliteRebuildSpec extends Specification {
    @TempDir Path dir

    String url() { "jdbc:sqlite:${dir.resolve('app.db')}" }

    void sqlite(String... statements) {
        DriverManager.getConnection(url()).withCloseable { c -> c.createStatement().withCloseable { s -> statements.each { s.execute(it) } } }
    }

    List<List> rows(String sql) { DialectMigrationSpec.rows(url(), sql) }

    CliRun revision(String upgrade) {
        def project = new TempProject(dir, url())
        project.write('2026_11_21_1500-e5000000000e_change.groovy', "revision 'e5000000000e'\nmessage 'change'\nupgrade {\n$upgrade\n}\n")
        project.run('upgrade', 'head')
    }

    def setup() {
        sqlite('CREATE TABLE grupos (id INTEGER PRIMARY KEY)',
                'INSERT INTO grupos VALUES (1)',
                '''CREATE TABLE "usuarios" (id INTEGER PRIMARY KEY AUTOINCREMENT, nome TEXT NOT NULL CHECK (length(nome) > 0),
                   idade INT DEFAULT 18, grupo INTEGER,
                   CONSTRAINT fk_grupo FOREIGN KEY (grupo) REFERENCES grupos (id) ON DELETE CASCADE,
                   CONSTRAINT uq_nome UNIQUE (nome, idade), CHECK (idade >= 0))''',
                'CREATE INDEX ix_adultos ON usuarios (idade) WHERE idade >= 18',
                "INSERT INTO usuarios (nome, idade, grupo) VALUES ('Ana', 30, 1), ('Bia', 20, 1)")
    }

    def "altering a column of a table created elsewhere keeps its constraints, indexes, key sequence and rows"() {
        when:
        def result = revision("alterColumn 'usuarios', 'nome', type: string(200)")
        String ddl = rows("SELECT sql FROM sqlite_master WHERE name = 'usuarios'")[0][0]

        then:
        result.exitCode == 0
        ddl.contains('nome VARCHAR(200) NOT NULL')
        ddl.contains('CHECK (length(nome) > 0)')
        ddl.contains('CHECK (idade >= 0)')
        ddl.contains('CONSTRAINT uq_nome UNIQUE (nome, idade)')
        ddl.contains('CONSTRAINT fk_grupo FOREIGN KEY (grupo) REFERENCES grupos (id) ON DELETE CASCADE')
        ddl.contains('id INTEGER PRIMARY KEY AUTOINCREMENT')
        ddl.contains('idade INT DEFAULT 18')
        rows("SELECT sql FROM sqlite_master WHERE name = 'ix_adultos'")[0][0].endsWith('WHERE idade >= 18')
        rows('SELECT id, nome, idade, grupo FROM usuarios ORDER BY id') == [[1, 'Ana', 30, 1], [2, 'Bia', 20, 1]]
        rows("SELECT seq FROM sqlite_sequence WHERE name = 'usuarios'") == [[2]]
        rows("SELECT name FROM sqlite_master WHERE name LIKE 'retort_new_%'") == []

        when: 'the CHECK read back from the old definition still holds'
        sqlite("INSERT INTO usuarios (nome, idade) VALUES ('', 1)")

        then:
        thrown(java.sql.SQLException)
    }

    def "dropping a named constraint of a table created elsewhere rebuilds it without that constraint"() {
        when:
        def result = revision("dropConstraint 'uq_nome', 'usuarios'")
        String ddl = rows("SELECT sql FROM sqlite_master WHERE name = 'usuarios'")[0][0]

        then:
        result.exitCode == 0
        !ddl.contains('uq_nome')
        ddl.contains('fk_grupo')
        rows('SELECT count(*) FROM usuarios') == [[2]]
    }

    def "a rebuild after other changes to the table in the same revision keeps those changes"() {
        when: 'the revision adds a column in place, then alters another (a rebuild rendered before either ran)'
        def result = revision("""
            addColumn 'usuarios', 'apelido', string(30)
            createIndex 'ix_apelido', 'usuarios', ['apelido']
            alterColumn 'usuarios', 'nome', type: string(200)
        """)
        String ddl = rows("SELECT sql FROM sqlite_master WHERE name = 'usuarios'")[0][0]

        then:
        result.exitCode == 0
        ddl.contains('nome VARCHAR(200) NOT NULL')
        ddl.contains('apelido VARCHAR(30)')
        rows("SELECT name FROM sqlite_master WHERE tbl_name = 'usuarios' AND type = 'index' AND name LIKE 'ix_%' ORDER BY name") ==
                [['ix_adultos'], ['ix_apelido']]
        rows('SELECT nome, apelido FROM usuarios ORDER BY id') == [['Ana', null], ['Bia', null]]
    }

    def "a rebuild whose rows break the new foreign key fails and changes nothing"() {
        given:
        sqlite('CREATE TABLE etiquetas (codigo TEXT, usuario_id INTEGER)', "INSERT INTO etiquetas VALUES ('vip', 99)")

        when:
        def result = revision("createForeignKey 'fk_etiquetas_usuario', 'etiquetas', 'usuarios', ['usuario_id'], ['id']")

        then:
        result.exitCode == 1
        result.err.contains('foreign_keys_of_rebuilt_table_must_hold')
        !rows("SELECT sql FROM sqlite_master WHERE name = 'etiquetas'")[0][0].contains('fk_etiquetas_usuario')
        rows('SELECT codigo, usuario_id FROM etiquetas') == [['vip', 99]]
        rows('SELECT count(*) FROM retort_version') == [[0]]
    }

    def "insert sends thousands of rows in batches, one statement per column set"() {
        when:
        def result = revision("""
            createTable('numeros') { column 'n', integer, primaryKey: true; column 'par', boolean; column 'nota', string(10) }
            insert 'numeros', (1..2500).collect { [n: it, par: it % 2 == 0] } + [[n: 2501, nota: 'fim']]
        """)

        then:
        result.exitCode == 0
        rows('SELECT count(*), sum(par), max(n) FROM numeros') == [[2501, 1250, 2501]]
        rows('SELECT nota FROM numeros WHERE n = 2501') == [['fim']]
    }
}
