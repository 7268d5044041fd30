package dev.retort.internal.script

import dev.retort.dsl.op.Operation
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A Groovy revision and its Kotlin twin record equal operation records, so they render identical SQL on every
 * dialect. All snippets are compiled in one batch per language (Kotlin compiles are the slow part).
 */
class KotlinGroovyParitySpec extends Specification {
    // name | Groovy upgrade body | Kotlin upgrade body
    static final List<List<String>> CASES = [
        ['createTable with every option',
         "createTable('t', schema: 's', ifNotExists: true, comment: 'a table') {\n" +
         "  column 'id', integer, primaryKey: true, autoIncrement: true\n" +
         "  column 'n', string(10), nullable: false, unique: true, default: 'x', comment: 'a column'\n" +
         "  column 'r', bigint, references: 'u.id', onDelete: 'CASCADE', onUpdate: 'SET NULL'\n" +
         "  primaryKey(['id'])\n  unique('uq_n', ['n'])\n  unique(['r'])\n" +
         "  foreignKey('fk_r', ['r'], 'u', ['id'], onDelete: 'CASCADE')\n  foreignKey(['n'], 'v', ['code'])\n" +
         "  index 'ix_n', ['n'], unique: true\n  check 'ck_id', 'id > 0'\n}",
         'createTable("t", schema = "s", ifNotExists = true, comment = "a table") {\n' +
         '  column("id", integer, primaryKey = true, autoIncrement = true)\n' +
         '  column("n", string(10), nullable = false, unique = true, default = "x", comment = "a column")\n' +
         '  column("r", bigint, references = "u.id", onDelete = "CASCADE", onUpdate = "SET NULL")\n' +
         '  primaryKey(listOf("id"))\n  unique("uq_n", listOf("n"))\n  unique(listOf("r"))\n' +
         '  foreignKey("fk_r", listOf("r"), "u", listOf("id"), onDelete = "CASCADE")\n  foreignKey(listOf("n"), "v", listOf("code"))\n' +
         '  index("ix_n", listOf("n"), unique = true)\n  check("ck_id", "id > 0")\n}'],
        ['every column type and default',
         "createTable('types') {\n" +
         "  column 'a', smallint\n  column 'b', boolean\n  column 'c', string\n  column 'd', text\n  column 'e', numeric(10, 2)\n" +
         "  column 'f', numeric(5)\n  column 'g', float\n  column 'h', double\n  column 'i', date\n  column 'j', time\n" +
         "  column 'k', timestampTz\n  column 'l', binary(16)\n  column 'm', blob\n  column 'n', uuid\n  column 'o', json\n" +
         "  column 'p', enumOf('x', 'y')\n  column 'q', sqlType('CITEXT')\n  column 'r', timestamp, default: now()\n" +
         "  column 's', integer, default: sqlExpr('1 + 1')\n  column 't', integer, default: 0\n  column 'u', boolean, default: true\n" +
         "  column 'v', numeric\n}",
         'createTable("types") {\n' +
         '  column("a", smallint)\n  column("b", boolean)\n  column("c", string)\n  column("d", text)\n  column("e", numeric(10, 2))\n' +
         '  column("f", numeric(5))\n  column("g", float)\n  column("h", double)\n  column("i", date)\n  column("j", time)\n' +
         '  column("k", timestampTz)\n  column("l", binary(16))\n  column("m", blob)\n  column("n", uuid)\n  column("o", json)\n' +
         '  column("p", enumOf("x", "y"))\n  column("q", sqlType("CITEXT"))\n  column("r", timestamp, default = now())\n' +
         '  column("s", integer, default = sqlExpr("1 + 1"))\n  column("t", integer, default = 0)\n  column("u", boolean, default = true)\n' +
         '  column("v", numeric)\n}'],
        ['dropTable', "dropTable 't', schema: 's', ifExists: true\ndropTable 'u'",
                      'dropTable("t", schema = "s", ifExists = true)\ndropTable("u")'],
        ['renameTable', "renameTable 'a', 'b', schema: 's'\nrenameTable 'c', 'd'",
                        'renameTable("a", "b", schema = "s")\nrenameTable("c", "d")'],
        ['addColumn', "addColumn 't', 'c', string(5), nullable: false, default: 'x', schema: 's', ifNotExists: true\n" +
                      "addColumn 't', 'd', integer, references: 'u.id', onDelete: 'CASCADE'\naddColumn 'usuarios', 'email', string(255), unique: true",
                      'addColumn("t", "c", string(5), nullable = false, default = "x", schema = "s", ifNotExists = true)\n' +
                      'addColumn("t", "d", integer, references = "u.id", onDelete = "CASCADE")\naddColumn("usuarios", "email", string(255), unique = true)'],
        ['dropColumn', "dropColumn 't', 'c', ifExists: true, schema: 's'\ndropColumn 't', 'd'",
                       'dropColumn("t", "c", ifExists = true, schema = "s")\ndropColumn("t", "d")'],
        ['alterColumn changing everything',
         "alterColumn 't', 'c', type: text, nullable: true, default: null, newName: 'd', comment: 'x', existingType: string(5), " +
         "existingNullable: false, existingDefault: 'x', existingComment: 'old', using: 'c::text', schema: 's'",
         'alterColumn("t", "c", type = text, nullable = true, default = null, newName = "d", comment = "x", existingType = string(5), ' +
         'existingNullable = false, existingDefault = "x", existingComment = "old", using = "c::text", schema = "s")'],
        ['alterColumn leaving default and comment as they are',
         "alterColumn 't', 'c', nullable: false\nalterColumn 't', 'c', default: 5, comment: null",
         'alterColumn("t", "c", nullable = false)\nalterColumn("t", "c", default = 5, comment = null)'],
        ['renameColumn', "renameColumn 't', 'a', 'b'", 'renameColumn("t", "a", "b")'],
        ['createIndex', "createIndex 'ix', 't', ['a', 'b'], unique: true, where: 'a > 0', ifNotExists: true, concurrently: true\n" +
                        "createIndex 'ix2', 't', ['c']",
                        'createIndex("ix", "t", listOf("a", "b"), unique = true, where = "a > 0", ifNotExists = true, concurrently = true)\n' +
                        'createIndex("ix2", "t", listOf("c"))'],
        ['dropIndex', "dropIndex 'ix', table: 't', ifExists: true\ndropIndex 'ix2'",
                      'dropIndex("ix", table = "t", ifExists = true)\ndropIndex("ix2")'],
        ['constraints', "createUniqueConstraint 'uq', 't', ['a']\ncreatePrimaryKey 'pk', 't', ['id']\n" +
                        "createCheckConstraint 'ck', 't', 'a > 0'\ncreateForeignKey 'fk', 't', 'u', ['a'], ['id'], onDelete: 'CASCADE'\n" +
                        "dropConstraint 'fk', 't', type: 'foreignKey'\ndropConstraint 'uq', 't'",
                        'createUniqueConstraint("uq", "t", listOf("a"))\ncreatePrimaryKey("pk", "t", listOf("id"))\n' +
                        'createCheckConstraint("ck", "t", "a > 0")\ncreateForeignKey("fk", "t", "u", listOf("a"), listOf("id"), onDelete = "CASCADE")\n' +
                        'dropConstraint("fk", "t", type = "foreignKey")\ndropConstraint("uq", "t")'],
        ['tableComment', "tableComment 't', 'hello'\ntableComment 't', null, existingComment: 'hello'",
                         'tableComment("t", "hello")\ntableComment("t", null, existingComment = "hello")'],
        ['insert', "insert 'usuarios', [[nome: 'Ana', idade: 30], [nome: 'Bia', idade: null]]",
                   'insert("usuarios", listOf(mapOf("nome" to "Ana", "idade" to 30), mapOf("nome" to "Bia", "idade" to null)))'],
        ['execute', "execute 'UPDATE t SET a = 1', dialect: 'postgresql'\nexecute 'SELECT 1'",
                    'execute("UPDATE t SET a = 1", dialect = "postgresql")\nexecute("SELECT 1")'],
        ['onDialect', "onDialect('postgresql', 'h2') { execute 'SELECT 1'\n dropTable 'x' }",
                      'onDialect("postgresql", "h2") { execute("SELECT 1")\n dropTable("x") }'],
        ['autocommit', "autocommit { createIndex 'ix', 't', ['a'], concurrently: true\n execute 'SELECT 1' }",
                       'autocommit { createIndex("ix", "t", listOf("a"), concurrently = true)\n execute("SELECT 1") }'],
    ]

    @Shared @TempDir Path dir
    @Shared Map<String, List<Operation>> groovy = [:]
    @Shared Map<String, List<Operation>> kotlin = [:]
    @Shared Map<String, List<Integer>> groovyLines = [:]
    @Shared Map<String, List<Integer>> kotlinLines = [:]

    def setupSpec() {
        def versions = Files.createDirectories(dir.resolve('versions'))
        CASES.eachWithIndex { c, i ->
            Files.writeString(versions.resolve("g${i}.groovy"), "revision 'g${i}'\nupgrade {\n${c[1]}\n}\n")
            Files.writeString(versions.resolve("k${i}.kts"), "revision(\"k${i}\")\nupgrade {\n${c[2]}\n}\n")
        }
        def loaded = RevisionLoader.standard(dir.resolve('cache')).loadAll(VersionScanner.scan([versions], false))
        loaded.each { r ->
            def id = r.source().revision().id()
            def name = CASES[id.substring(1) as int][0]
            (id.startsWith('g') ? groovy : kotlin)[name] = r.upgrade()
            (id.startsWith('g') ? groovyLines : kotlinLines)[name] = r.upgrade().collect { r.lineOf(it) }
        }
    }

    def "#name: the Kotlin twin records the same operations as the Groovy revision"() {
        expect:
        !groovy[name].isEmpty()
        kotlin[name] == groovy[name]

        where:
        name << CASES.collect { it[0] }
    }

    def "#name: the Kotlin twin records each operation at the same script line as the Groovy revision"() {
        expect:
        groovyLines[name].every { it > 0 }
        kotlinLines[name] == groovyLines[name]

        where:
        name << CASES.collect { it[0] }
    }

    def "a Kotlin revision without a downgrade block gets the same derived downgrade as its Groovy twin"() {
        given:
        def versions = Files.createDirectories(dir.resolve('derived'))
        Files.writeString(versions.resolve('a.groovy'), "revision 'gd'\nupgrade {\n${CASES[0][1]}\naddColumn 'u', 'x', integer\n}\n")
        Files.writeString(versions.resolve('b.kts'), "revision(\"kd\")\nupgrade {\n${CASES[0][2]}\naddColumn(\"u\", \"x\", integer)\n}\n")

        when:
        def loaded = RevisionLoader.standard(dir.resolve('cache')).loadAll(VersionScanner.scan([versions], false))

        then:
        loaded[0].downgrade().size() == 2
        loaded[1].downgrade() == loaded[0].downgrade()
        loaded[1].explicitDowngrade().isEmpty()
    }
}
