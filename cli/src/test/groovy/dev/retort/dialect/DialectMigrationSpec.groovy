package dev.retort.dialect

import dev.retort.testing.CliRun
import dev.retort.testing.SchemaSnapshot
import dev.retort.testing.TestDatabases
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The fixture project (src/test/resources/dialect-project) migrated for real on H2, SQLite, PostgreSQL and MariaDB:
 * upgrade to head, read the schema back through JDBC DatabaseMetaData, downgrade one step and to base. Its second
 * revision alters columns without existing* options, so MariaDB reads the live column and SQLite rebuilds tables
 * from their live definition; the rows must survive every rebuild and rename.
 */
class DialectMigrationSpec extends Specification {
    static final Path PROJECT = Path.of('src/test/resources/dialect-project/retort.ini').toAbsolutePath()
    /** What every online run keeps besides the version table: the history, and on H2 the lock row's table. */
    static final Set<String> BOOKKEEPING = ['retort_history', 'retort_version_lock'] as Set

    @TempDir Path tmp

    def "upgrade builds the schema on #dialect, downgrade one step restores it, downgrade to base empties it"() {
        given:
        String url = urlFor(dialect)

        when:
        def up = retort(url, 'upgrade', 'head')

        then:
        up.exitCode == 0
        up.out.contains('Running upgrade b2000000000b -> c3000000000c')

        when:
        def head = withConnection(url) { SchemaSnapshot.read(it) }
        def u = head.tables.usuarios

        then: 'the tables, and nothing left over from SQLite rebuilds'
        head.tables.keySet() - BOOKKEEPING == ['etiquetas', 'grupos', 'retort_version', 'usuarios'] as Set

        and: 'columns with their types, nullability and defaults'
        u.columns.keySet() == ['id', 'nome_completo', 'idade', 'email', 'grupo_id', 'criado', 'ativo'] as Set
        u.columns.id.type.contains('int')
        u.columns.email.type.contains('char')
        u.columns.email.size == 320
        u.columns.email.nullable
        !u.columns.idade.nullable
        !u.columns.nome_completo.nullable
        u.columns.idade.defaultSql?.contains('0')
        u.columns.ativo.defaultSql != null
        u.columns.criado.defaultSql != null
        head.tables.grupos.columns.nome.size == 50

        and: 'keys and indexes, including those added after the table'
        u.primaryKey == ['id']
        u.references() == [grupo_id: 'grupos.id']
        u.indexes.values().any { it.columns == ['nome_completo'] && !it.unique }
        u.indexes.values().any { it.columns == ['email'] && it.unique }
        head.tables.etiquetas.primaryKey == ['codigo']
        head.tables.etiquetas.references() == [usuario_id: 'usuarios.id']
        head.tables.etiquetas.indexes.values().any { it.columns == ['usuario_id'] }

        and: 'unique and check constraints, and foreign-key actions (SQLite names a unique constraint after its index, and its catalog has no constraint names or checks)'
        u.uniqueConstraints.values().toList() == [['email']]
        dialect == 'sqlite' || u.uniqueConstraints.keySet() == ['uq_usuarios_email'] as Set
        dialect == 'sqlite' || u.checks.keySet() == ['ck_usuarios_idade'] as Set
        dialect == 'sqlite' || u.checks.ck_usuarios_idade.toLowerCase().contains('idade')
        head.tables.etiquetas.foreignKeys*.onDelete == ['CASCADE']
        dialect == 'sqlite' || head.tables.etiquetas.foreignKeys*.name == ['fk_etiquetas_usuario']

        and: 'the rows inserted by the first revision survived renames and rebuilds'
        rows(url, 'SELECT nome_completo, email, idade FROM usuarios ORDER BY id') == [['Ana', 'ana@example.com', 30], ['Bruno', null, 25]]
        rows(url, 'SELECT ativo FROM usuarios').every { it[0] in [true, 1] }
        rows(url, 'SELECT codigo FROM etiquetas ORDER BY codigo') == [['novo'], ['vip']]

        when: 'one revision down: the table goes; then the alterations are undone'
        def down = retort(url, 'downgrade', 'a1000000000a')
        def first = withConnection(url) { SchemaSnapshot.read(it) }.tables

        then:
        down.exitCode == 0
        first.keySet() - BOOKKEEPING == ['grupos', 'retort_version', 'usuarios'] as Set
        first.usuarios.columns.keySet() == ['id', 'nome', 'idade', 'email', 'grupo_id', 'criado'] as Set
        first.usuarios.columns.email.size == 255
        first.usuarios.columns.idade.nullable
        first.usuarios.indexes.values().any { it.columns == ['nome'] }
        !first.usuarios.indexes.values().any { it.columns == ['email'] && it.unique }
        first.usuarios.uniqueConstraints.isEmpty()
        first.usuarios.checks.isEmpty()
        rows(url, 'SELECT nome, email FROM usuarios ORDER BY id') == [['Ana', 'ana@example.com'], ['Bruno', null]]

        when:
        def base = retort(url, 'downgrade', 'base')

        then: 'only the version table is left (besides history and lock), and it is empty'
        base.exitCode == 0
        withConnection(url) { SchemaSnapshot.read(it) }.tables.keySet() - BOOKKEEPING == ['retort_version'] as Set
        rows(url, 'SELECT version_num FROM retort_version') == []

        where:
        dialect << databases()
    }

    static List<String> databases() {
        ['h2', 'sqlite'] + (TestDatabases.hasPostgres() ? ['postgresql'] : []) + (TestDatabases.hasMariadb() ? ['mariadb'] : [])
    }

    String urlFor(String dialect) {
        switch (dialect) {
            case 'h2': return "jdbc:h2:file:${tmp.resolve('h2db')}"
            case 'sqlite': return "jdbc:sqlite:${tmp.resolve('sqlite.db')}"
            case 'postgresql': return TestDatabases.freshPostgres('retort_i3_migrate')
            case 'mariadb': return TestDatabases.freshMariadb('retort_i3_migrate')
        }
        throw new IllegalArgumentException(dialect)
    }

    static CliRun retort(String url, String... command) {
        def run = CliRun.of(['-c', PROJECT.toString(), '--url', url] + (command as List))
        if (run.exitCode != 0) println "retort ${command.join(' ')} failed: ${run.err}"
        run
    }

    static <T> T withConnection(String url, Closure<T> body) {
        Connection c = DriverManager.getConnection(url)
        try { body(c) } finally { c.close() }
    }

    static List<List<Object>> rows(String url, String sql) {
        withConnection(url) { Connection c ->
            def out = []
            c.createStatement().withCloseable { s ->
                def rs = s.executeQuery(sql)
                int n = rs.metaData.columnCount
                while (rs.next()) out << (1..n).collect { i -> def v = rs.getObject(i); v instanceof Number ? v.intValue() : v }
            }
            out
        }
    }
}
