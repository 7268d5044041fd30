package dev.retort.dsl.dialect

import dev.retort.dsl.groovy.MigrationBuilder
import dev.retort.dsl.op.Operation

/**
 * The operations of the golden matrix, each named, and the tables they work on. Every case renders against
 * {@link #existingTables}, so operations that need a table's definition (SQLite rebuilds, MySQL MODIFY) have one.
 */
final class GoldenCases {
    private GoldenCases() {}

    /** The tables that exist before each case: what the cases alter, rename and drop. */
    static final Closure EXISTING = {
        createTable('grupos') {
            column 'id', integer, primaryKey: true
            column 'nome', string(50), nullable: false
        }
        createTable('usuarios') {
            column 'id', integer, primaryKey: true, autoIncrement: true
            column 'nome', string(100), nullable: false
            column 'idade', integer, default: 0
            column 'email', string(255)
            column 'grupo_id', integer
            unique 'uq_usuarios_email', ['email']
            foreignKey 'fk_usuarios_grupo', ['grupo_id'], 'grupos', ['id']
            check 'ck_usuarios_idade', 'idade >= 0'
            index 'ix_usuarios_nome', ['nome']
        }
        createTable('etiquetas') {
            column 'codigo', string(20), nullable: false
            column 'usuario_id', integer
        }
    }

    static final Map<String, Closure> CASES = [
        'createTable': {
            createTable('produtos', comment: 'what we sell') {
                column 'id', integer, primaryKey: true, autoIncrement: true
                column 'nome', string(100), nullable: false, comment: 'display name'
                column 'preco', numeric(10, 2), default: 0
                column 'criado', timestamp, default: now()
                column 'usuario_id', integer, references: 'usuarios.id', onDelete: 'CASCADE'
                column 'sku', string(30), unique: true
                unique 'uq_produtos_nome', ['nome', 'usuario_id']
                check 'ck_produtos_preco', 'preco >= 0'
                index 'ix_produtos_nome', ['nome']
            }
        },
        'createTable every type': {
            createTable('tipos') {
                column 'a', integer
                column 'b', bigint
                column 'c', smallint
                column 'd', boolean
                column 'e', string(10)
                column 'f', string
                column 'g', text
                column 'h', numeric(12, 4)
                column 'i', float
                column 'j', double
                column 'k', date
                column 'l', time
                column 'm', timestamp
                column 'n', timestampTz
                column 'o', binary(16)
                column 'p', blob
                column 'q', uuid
                column 'r', json
                column 's', enumOf('novo', 'usado')
                column 't', sqlType('CHAR(2)')
            }
        },
        'createTable ifNotExists': { createTable('logs', ifNotExists: true) { column 'linha', text } },
        'createTable quoted names': {
            createTable('Order') {
                column 'user', string(20)
                column 'first name', string(20)
            }
        },
        'dropTable': { dropTable 'etiquetas' },
        'dropTable ifExists': { dropTable 'etiquetas', ifExists: true },
        'renameTable': { renameTable 'etiquetas', 'rotulos' },
        'addColumn': { addColumn 'usuarios', 'apelido', string(50) },
        'addColumn not null with default': { addColumn 'usuarios', 'ativo', boolean, nullable: false, default: true },
        'addColumn unique': { addColumn 'usuarios', 'cpf', string(11), unique: true },
        'addColumn references': { addColumn 'etiquetas', 'grupo_id', integer, references: 'grupos.id', onDelete: 'SET NULL' },
        'addColumn references set_null': { addColumn 'etiquetas', 'grupo_id', integer, references: 'grupos.id', onDelete: 'set_null' },
        'addColumn references unknown action': { addColumn 'etiquetas', 'grupo_id', integer, references: 'grupos.id', onDelete: 'bogus' },
        'addColumn default holding ADD COLUMN': { addColumn 'usuarios', 'nota', string(50), default: 'x ADD COLUMN y' },
        'addColumn with comment': { addColumn 'usuarios', 'bio', text, comment: 'about me' },
        'addColumn enum': { addColumn 'usuarios', 'papel', enumOf('admin', 'membro') },
        'addColumn ifNotExists': { addColumn 'usuarios', 'apelido', string(50), ifNotExists: true },
        'dropColumn': { dropColumn 'etiquetas', 'usuario_id' },
        'dropColumn indexed': { dropColumn 'usuarios', 'nome' },
        'dropColumn ifExists': { dropColumn 'etiquetas', 'usuario_id', ifExists: true },
        'alterColumn type with existing': { alterColumn 'usuarios', 'idade', type: bigint, existingType: integer, existingNullable: true },
        'alterColumn type read from table': { alterColumn 'usuarios', 'email', type: string(320) },
        'alterColumn type using': { alterColumn 'etiquetas', 'codigo', type: integer, using: 'codigo::integer' },
        'alterColumn not null': { alterColumn 'usuarios', 'email', nullable: false },
        'alterColumn type unknown table': { alterColumn 'ausente', 'x', type: bigint },
        'alterColumn set default': { alterColumn 'usuarios', 'idade', default: 18 },
        'alterColumn drop default': { alterColumn 'usuarios', 'idade', default: null },
        'alterColumn newName': { alterColumn 'usuarios', 'idade', newName: 'anos' },
        'alterColumn comment': { alterColumn 'usuarios', 'email', comment: 'login' },
        'renameColumn': { renameColumn 'usuarios', 'email', 'correio' },
        'createIndex': { createIndex 'ix_usuarios_idade', 'usuarios', ['idade', 'nome'] },
        'createIndex unique': { createIndex 'ux_etiquetas_codigo', 'etiquetas', ['codigo'], unique: true },
        'createIndex partial': { createIndex 'ix_usuarios_adultos', 'usuarios', ['idade'], where: 'idade >= 18' },
        'createIndex concurrently': { createIndex 'ix_usuarios_email', 'usuarios', ['email'], concurrently: true },
        'createIndex ifNotExists': { createIndex 'ix_usuarios_idade', 'usuarios', ['idade'], ifNotExists: true },
        'dropIndex': { dropIndex 'ix_usuarios_nome', table: 'usuarios' },
        'dropIndex ifExists': { dropIndex 'ix_usuarios_nome', table: 'usuarios', ifExists: true },
        'dropIndex without table': { dropIndex 'ix_usuarios_nome' },
        'createUniqueConstraint': { createUniqueConstraint 'uq_etiquetas_codigo', 'etiquetas', ['codigo'] },
        'createPrimaryKey': { createPrimaryKey 'pk_etiquetas', 'etiquetas', ['codigo'] },
        'createCheckConstraint': { createCheckConstraint 'ck_etiquetas_codigo', 'etiquetas', "codigo <> ''" },
        'createForeignKey': { createForeignKey 'fk_etiquetas_usuario', 'etiquetas', 'usuarios', ['usuario_id'], ['id'], onDelete: 'CASCADE' },
        'createForeignKey set null': { createForeignKey 'fk_etiquetas_usuario', 'etiquetas', 'usuarios', ['usuario_id'], ['id'], onDelete: 'set null', onUpdate: 'no_action' },
        'createForeignKey notValid': { createForeignKey 'fk_etiquetas_usuario', 'etiquetas', 'usuarios', ['usuario_id'], ['id'], notValid: true },
        'createCheckConstraint notValid': { createCheckConstraint 'ck_etiquetas_codigo', 'etiquetas', "codigo <> ''", notValid: true },
        'validateConstraint': { validateConstraint 'fk_usuarios_grupo', 'usuarios' },
        'dropConstraint foreignKey': { dropConstraint 'fk_usuarios_grupo', 'usuarios', type: 'foreignKey' },
        'dropConstraint unique': { dropConstraint 'uq_usuarios_email', 'usuarios', type: 'unique' },
        'dropConstraint check': { dropConstraint 'ck_usuarios_idade', 'usuarios', type: 'check' },
        'dropConstraint without type': { dropConstraint 'ck_usuarios_idade', 'usuarios' },
        'tableComment': { tableComment 'usuarios', "people's accounts" },
        'tableComment drop': { tableComment 'usuarios', null },
        'insert': { insert 'etiquetas', [[codigo: "O'Brien", usuario_id: 1], [codigo: 'b', usuario_id: null]] },
        'execute': { execute 'UPDATE usuarios SET idade = 0' },
        'execute for one dialect': { execute 'VACUUM', dialect: 'sqlite' },
        'onDialect': { onDialect('postgresql', 'sqlite') { addColumn 'usuarios', 'extra', text } },
    ]

    static List<Operation> operations(Closure block) {
        def builder = new MigrationBuilder()
        def c = block.clone() as Closure
        c.delegate = builder
        c.resolveStrategy = Closure.DELEGATE_FIRST
        c()
        builder.operations()
    }

    /** The tables of {@link #EXISTING} as the given dialect would track them offline. */
    static SchemaLookup existingTables(Dialect dialect) {
        def schema = new OfflineSchema(dialect.name())
        operations(EXISTING).each { schema.record(it) }
        schema
    }

    /** The name of the section that creates {@link #EXISTING}; specs that run the golden SQL run it first. */
    static final String SETUP = '(setup)'

    /** All section names, setup first. */
    static List<String> names() { [SETUP] + CASES.keySet().toList() }

    /** A case's statements, or {@code !error: message} when the dialect refuses it. */
    static List<String> render(Dialect dialect, String caseName) {
        if (caseName == SETUP) return operations(EXISTING).collectMany { dialect.render(it) }
        SchemaLookup schema = existingTables(dialect)
        try {
            operations(CASES[caseName]).collectMany { dialect.render(it, schema) }
        } catch (RenderException e) {
            ['!error: ' + e.message]
        }
    }
}
