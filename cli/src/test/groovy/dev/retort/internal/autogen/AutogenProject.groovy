package dev.retort.internal.autogen

import dev.retort.cli.RetortCli
import dev.retort.internal.config.ConfigLoader
import dev.retort.internal.db.Database
import dev.retort.dsl.dialect.Dialects
import dev.retort.dsl.schema.SchemaModel
import java.nio.file.Files
import java.nio.file.Path

/** A throw-away project with a model, run through the real CLI in-process, for the autogenerate specs. */
final class AutogenProject {
    /** Every feature a model can state: types, nullability, defaults, keys, uniques, indexes, references, checks, comments. */
    static final String MODEL_V1 = '''\
createTable('usuarios', comment: 'people who buy') {
    column 'id', integer, primaryKey: true, autoIncrement: true
    column 'nome', string(100), nullable: false
    column 'idade', integer
    column 'email', string(255), unique: true, comment: 'login e-mail'
    column 'ativo', boolean, nullable: false, default: true
    column 'criado', timestamp, default: now()
    column 'pais', string(2), nullable: false, default: 'BR'
    index 'ix_usuarios_nome', ['nome']
}

createTable('produtos') {
    column 'id', integer, primaryKey: true, autoIncrement: true
    column 'nome', string(100), nullable: false
    column 'preco', integer, default: 0
    column 'peso', double
    column 'lancado', date
    column 'descricao', text
    column 'usuario_id', integer, references: 'usuarios.id', onDelete: 'CASCADE'
    unique 'uq_produtos_nome_usuario', ['nome', 'usuario_id']
    check 'ck_produtos_preco', 'preco >= 0'
    index 'ix_produtos_lancado', ['lancado']
}

createTable('etiquetas') {
    column 'produto_id', integer, nullable: false
    column 'etiqueta', string(30), nullable: false
    column 'cor', enumOf('azul', 'verde')
    primaryKey(['produto_id', 'etiqueta'])
    foreignKey 'fk_etiquetas_produto', ['produto_id'], 'produtos', ['id']
}
'''

    /** V1 with a column added, a type changed, an index dropped and a foreign key added. */
    static final String MODEL_V2 = MODEL_V1
            .replace("    column 'pais', string(2), nullable: false, default: 'BR'\n",
                     "    column 'pais', string(2), nullable: false, default: 'BR'\n    column 'telefone', string(20)\n")
            .replace("column 'preco', integer, default: 0", "column 'preco', numeric(10, 2), default: 0")
            .replace("    index 'ix_usuarios_nome', ['nome']\n", "")
            .replace("    column 'descricao', text\n",
                     "    column 'descricao', text\n    column 'revisor_id', integer, references: 'usuarios.id'\n")

    /** The Kotlin twin of {@link #MODEL_V1}: the same schema, written as a {@code model.kts}. */
    static final String KOTLIN_MODEL_V1 = '''\
createTable("usuarios", comment = "people who buy") {
    column("id", integer, primaryKey = true, autoIncrement = true)
    column("nome", string(100), nullable = false)
    column("idade", integer)
    column("email", string(255), unique = true, comment = "login e-mail")
    column("ativo", boolean, nullable = false, default = true)
    column("criado", timestamp, default = now())
    column("pais", string(2), nullable = false, default = "BR")
    index("ix_usuarios_nome", listOf("nome"))
}

createTable("produtos") {
    column("id", integer, primaryKey = true, autoIncrement = true)
    column("nome", string(100), nullable = false)
    column("preco", integer, default = 0)
    column("peso", double)
    column("lancado", date)
    column("descricao", text)
    column("usuario_id", integer, references = "usuarios.id", onDelete = "CASCADE")
    unique("uq_produtos_nome_usuario", listOf("nome", "usuario_id"))
    check("ck_produtos_preco", "preco >= 0")
    index("ix_produtos_lancado", listOf("lancado"))
}

createTable("etiquetas") {
    column("produto_id", integer, nullable = false)
    column("etiqueta", string(30), nullable = false)
    column("cor", enumOf("azul", "verde"))
    primaryKey(listOf("produto_id", "etiqueta"))
    foreignKey("fk_etiquetas_produto", listOf("produto_id"), "produtos", listOf("id"))
}
'''

    /** The Kotlin twin of {@link #MODEL_V2}: the same four changes. */
    static final String KOTLIN_MODEL_V2 = KOTLIN_MODEL_V1
            .replace('    column("pais", string(2), nullable = false, default = "BR")\n',
                     '    column("pais", string(2), nullable = false, default = "BR")\n    column("telefone", string(20))\n')
            .replace('column("preco", integer, default = 0)', 'column("preco", numeric(10, 2), default = 0)')
            .replace('    index("ix_usuarios_nome", listOf("nome"))\n', '')
            .replace('    column("descricao", text)\n',
                     '    column("descricao", text)\n    column("revisor_id", integer, references = "usuarios.id")\n')

    /** The first model in a language: {@code groovy} or {@code kotlin}. */
    static String modelV1(String language) { language == 'kotlin' ? KOTLIN_MODEL_V1 : MODEL_V1 }

    /** The changed model in a language: {@code groovy} or {@code kotlin}. */
    static String modelV2(String language) { language == 'kotlin' ? KOTLIN_MODEL_V2 : MODEL_V2 }

    final Path dir
    final String url
    final String dialect
    /** The model's and the revisions' language: {@code groovy} or {@code kotlin}. */
    final String language
    final ByteArrayOutputStream out = new ByteArrayOutputStream()
    final ByteArrayOutputStream err = new ByteArrayOutputStream()

    AutogenProject(Path dir, String dialect, String url, String language = 'groovy') {
        this.dir = dir
        this.dialect = dialect
        this.url = url
        this.language = language
        Files.createDirectories(dir.resolve('versions'))
        Files.writeString(dir.resolve('retort.ini'), """\
[retort]
version_locations = versions
url = $url
language = $language
model = ${modelFile().fileName}
""")
    }

    Path modelFile() { dir.resolve(language == 'kotlin' ? 'model.kts' : 'model.groovy') }

    void model(String text) { Files.writeString(modelFile(), text) }

    /** Runs one command line; returns its exit code, with stdout in {@link #lastOut}. */
    int run(String... args) {
        out.reset(); err.reset()
        RetortCli.run((['-c', dir.resolve('retort.ini').toString()] + args.toList()) as String[],
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [:])
    }

    String lastOut() { out.toString('UTF-8') }
    String lastErr() { err.toString('UTF-8') }

    /** The newest revision file whose name contains {@code slug}. */
    String revisionText(String slug) {
        Path file = Files.list(dir.resolve('versions')).withCloseable { s -> s.filter { it.fileName.toString().contains(slug) }.findFirst().orElseThrow() }
        Files.readString(file).readLines().findAll { !it.startsWith('// Created ') }.join('\n').stripTrailing() + '\n'
    }

    /** The database's tables, as autogenerate sees them (the version table left out). */
    SchemaModel liveSchema() {
        def config = ConfigLoader.load(dir.resolve('retort.ini'), null, [:], [:], [:])
        Database db = Database.connect(config.url(), config.user(), config.password(), config.pool())
        try {
            def c = db.connection()
            try {
                return SchemaReflector.forDialect(db.dialect()).reflect(c, [config.versionTable(), config.historyTable(), dev.retort.internal.db.MigrationLock.lockTable(config.versionTable())] as Set)
            } finally { c.close() }
        } finally { db.close() }
    }

    static boolean dialectRegistered(String name) { Dialects.all().any { it.name().equalsIgnoreCase(name) } }
}
