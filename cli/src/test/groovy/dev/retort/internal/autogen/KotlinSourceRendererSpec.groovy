package dev.retort.internal.autogen

import dev.retort.dsl.op.Operation
import dev.retort.internal.script.RevisionLoader
import dev.retort.internal.script.VersionScanner
import dev.retort.testing.TempProject
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Operations written as Kotlin: each reads as the Kotlin a person would write, and the Kotlin compiles back to the
 * very operations it was written from. The operations come from Groovy statements, so the two DSLs are held to one meaning.
 */
class KotlinSourceRendererSpec extends Specification {
    @TempDir Path tmp
    @Shared KotlinSourceRenderer renderer = new KotlinSourceRenderer()

    /** Groovy statements and the Kotlin the renderer should write for the operation each records. */
    static final List<List<String>> STATEMENTS = [
            ["dropTable 'usuarios'",
             'dropTable("usuarios")'],
            ["addColumn 'usuarios', 'email', string(255), nullable: false, unique: true, default: 'x@y', comment: 'login'",
             'addColumn("usuarios", "email", string(255), nullable = false, unique = true, default = "x@y", comment = "login")'],
            ["addColumn 'produtos', 'dono', integer, references: 'usuarios.id', onDelete: 'SET NULL'",
             'addColumn("produtos", "dono", integer, references = "usuarios.id", onDelete = "SET NULL")'],
            ["addColumn 'produtos', 'criado', timestampTz, default: now()",
             'addColumn("produtos", "criado", timestampTz, default = now())'],
            ["addColumn 'produtos', 'codigo', uuid, default: sqlExpr('gen_random_uuid()')",
             'addColumn("produtos", "codigo", uuid, default = sqlExpr("gen_random_uuid()"))'],
            ["addColumn 'produtos', 'tipo', enumOf('a', 'b'), default: 'a'",
             'addColumn("produtos", "tipo", enumOf("a", "b"), default = "a")'],
            ["addColumn 'produtos', 'geo', sqlType('geometry(Point, 4326)')",
             'addColumn("produtos", "geo", sqlType("geometry(Point, 4326)"))'],
            ["dropColumn 'usuarios', 'idade'",
             'dropColumn("usuarios", "idade")'],
            ["alterColumn 'usuarios', 'nome', type: text, nullable: true, existingType: string(100), existingNullable: false",
             'alterColumn("usuarios", "nome", type = text, nullable = true, existingType = string(100), existingNullable = false)'],
            ["alterColumn 'usuarios', 'pais', default: null, existingDefault: 'BR'",
             'alterColumn("usuarios", "pais", default = null, existingDefault = "BR")'],
            ["alterColumn 'usuarios', 'ativo', default: false, comment: null, existingComment: 'on/off'",
             'alterColumn("usuarios", "ativo", default = false, comment = null, existingComment = "on/off")'],
            ["renameTable 'clientes', 'usuarios'",
             'renameTable("clientes", "usuarios")'],
            ["renameColumn 'usuarios', 'mail', 'email'",
             'renameColumn("usuarios", "mail", "email")'],
            ["createIndex 'ix_u', 'usuarios', ['nome', 'email'], unique: true",
             'createIndex("ix_u", "usuarios", listOf("nome", "email"), unique = true)'],
            ["dropIndex 'ix_u', table: 'usuarios'",
             'dropIndex("ix_u", table = "usuarios")'],
            ["createUniqueConstraint 'uq_u', 'usuarios', ['email']",
             'createUniqueConstraint("uq_u", "usuarios", listOf("email"))'],
            ["createPrimaryKey 'pk_e', 'etiquetas', ['produto_id', 'etiqueta']",
             'createPrimaryKey("pk_e", "etiquetas", listOf("produto_id", "etiqueta"))'],
            ["createCheckConstraint 'ck_p', 'produtos', 'preco >= 0'",
             'createCheckConstraint("ck_p", "produtos", "preco >= 0")'],
            ["createForeignKey 'fk_p', 'produtos', 'usuarios', ['dono'], ['id'], onDelete: 'CASCADE', onUpdate: 'RESTRICT'",
             'createForeignKey("fk_p", "produtos", "usuarios", listOf("dono"), listOf("id"), onDelete = "CASCADE", onUpdate = "RESTRICT")'],
            ["createIndex 'ix_c', 'usuarios', ['nome'], where: 'ativo', concurrently: true",
             'createIndex("ix_c", "usuarios", listOf("nome"), where = "ativo", concurrently = true)'],
            ["dropIndex 'ix_c', table: 'usuarios', concurrently: true",
             'dropIndex("ix_c", table = "usuarios", concurrently = true)'],
            ["createCheckConstraint 'ck_n', 'produtos', 'preco >= 0', notValid: true",
             'createCheckConstraint("ck_n", "produtos", "preco >= 0", notValid = true)'],
            ["createForeignKey 'fk_n', 'produtos', 'usuarios', ['dono'], ['id'], notValid: true",
             'createForeignKey("fk_n", "produtos", "usuarios", listOf("dono"), listOf("id"), notValid = true)'],
            ["validateConstraint 'fk_n', 'produtos'",
             'validateConstraint("fk_n", "produtos")'],
            ["dropConstraint 'uq_u', 'usuarios', type: 'unique'",
             'dropConstraint("uq_u", "usuarios", type = "unique")'],
            ["tableComment 'usuarios', 'who buys', existingComment: 'people'",
             'tableComment("usuarios", "who buys", existingComment = "people")'],
            ["tableComment 'usuarios', null",
             'tableComment("usuarios", null)'],
            ["insert 'paises', [[codigo: 'BR', habitantes: 203000000, ativo: true], [codigo: 'PT', habitantes: null, ativo: false]]",
             'insert("paises", listOf(mapOf("codigo" to "BR", "habitantes" to 203000000, "ativo" to true), mapOf("codigo" to "PT", "habitantes" to null, "ativo" to false)))'],
            // Quotes, a dollar sign and a line break: escaped in Kotlin, and the dollar sign not interpolated.
            ["execute 'UPDATE t SET a = \\'" + '$x' + "\\' WHERE b = \"q\"\\n'",
             'execute("UPDATE t SET a = \'\\$x\' WHERE b = \\"q\\"\\n")'],
    ]

    /** The operations a Groovy revision with these upgrade statements records. */
    List<Operation> groovyOperations(List<String> statements) {
        operationsOf('r.groovy', "revision '111111111111'\nupgrade {\n" + statements.collect { '    ' + it }.join('\n') + '\n}\n')
    }

    List<Operation> operationsOf(String fileName, String text) {
        def project = new TempProject(tmp.resolve(fileName))
        project.write(fileName, text)
        RevisionLoader.standard(project.cache).loadAll(VersionScanner.scan([project.versions], false))[0].upgrade()
    }

    def "renders #kotlin"() {
        expect:
        renderer.render(groovyOperations([groovy])) == "    // generated by retort autogenerate — please review\n    $kotlin\n"

        where:
        [groovy, kotlin] << STATEMENTS
    }

    def "a table reads as a createTable block, set apart from the statements around it"() {
        given:
        def ops = groovyOperations([
                "createTable('etiquetas', comment: 'tags') {",
                "    column 'produto_id', integer, nullable: false",
                "    column 'etiqueta', string(30), nullable: false",
                "    column 'peso', numeric(10, 2), default: 0",
                "    primaryKey(['produto_id', 'etiqueta'])",
                "    unique(['etiqueta'])",
                "    unique 'uq_e', ['produto_id']",
                "    foreignKey(['produto_id'], 'produtos', ['id'], onDelete: 'CASCADE')",
                "    check 'ck_e', \"etiqueta <> ''\"",
                "    index 'ix_e', ['etiqueta'], unique: true",
                "}",
                "createIndex 'ix_p', 'produtos', ['nome']"])

        expect:
        renderer.render(ops) == '''\
    // generated by retort autogenerate — please review
    createTable("etiquetas", comment = "tags") {
        column("produto_id", integer, nullable = false)
        column("etiqueta", string(30), nullable = false)
        column("peso", numeric(10, 2), default = 0)
        primaryKey(listOf("produto_id", "etiqueta"))
        unique(listOf("etiqueta"))
        unique("uq_e", listOf("produto_id"))
        foreignKey(listOf("produto_id"), "produtos", listOf("id"), onDelete = "CASCADE")
        check("ck_e", "etiqueta <> ''")
        index("ix_e", listOf("etiqueta"), unique = true)
    }

    createIndex("ix_p", "produtos", listOf("nome"))
'''
    }

    def "the Kotlin written for every statement compiles back to the operations the Groovy recorded"() {
        given:
        def groovy = groovyOperations(STATEMENTS*.get(0))
        def kotlin = "revision(\"222222222222\")\nupgrade {\n" + renderer.render(groovy) + "}\n"

        expect:
        operationsOf('r.kts', kotlin) == groovy
    }

    def "numbers keep their value in the Kotlin literal chosen: #value"() {
        given:
        def op = new dev.retort.dsl.op.AlterColumn(null, 't', 'c', null, null, true,
                dev.retort.dsl.schema.ColumnDefault.of(value), null, false, null, null, null, null, null, null)

        expect:
        renderer.render([op]).readLines()[1].trim() == "alterColumn(\"t\", \"c\", default = $literal)"

        where:
        value                                 | literal
        0                                     | '0'
        5_000_000_000L                        | '5000000000L'
        new BigDecimal('0')                   | '0'
        new BigDecimal('1.50')                | '1.50'
        new BigDecimal('12345678901234567890') | '"12345678901234567890".toBigDecimal()'
        new BigDecimal('0.1234567890123456789') | '"0.1234567890123456789".toBigDecimal()'
        2.5d                                  | '2.5'
    }
}
