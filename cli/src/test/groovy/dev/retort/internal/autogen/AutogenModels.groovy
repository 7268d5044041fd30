package dev.retort.internal.autogen

/** The target models of the autogenerate specs, in Groovy and as their Kotlin twins. */
final class AutogenModels {
    private AutogenModels() {}

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
}
