package dev.retort.dsl.dialect

import dev.retort.dsl.groovy.MigrationBuilder
import dev.retort.internal.database.h2.H2Dialect
import spock.lang.Specification

class H2DialectSpec extends Specification {
    def h2 = Dialects.byName('h2')

    /** Records the operations of a block as a revision's upgrade { } would, and renders them for H2. */
    List<String> sql(@DelegatesTo(MigrationBuilder) Closure block) {
        def builder = new MigrationBuilder()
        block.delegate = builder
        block.resolveStrategy = Closure.DELEGATE_FIRST
        block()
        builder.operations().collectMany { h2.render(it) }
    }

    def "createTable renders columns, key, unique, foreign key and index"() {
        expect:
        sql {
            createTable('produtos') {
                column 'id', integer, primaryKey: true
                column 'nome', string(100), nullable: false
                column 'preco', numeric(10, 2), default: 0
                column 'criado', timestamp, default: now()
                column 'usuario_id', integer, references: 'usuarios.id', onDelete: 'CASCADE'
                index 'ix_produtos_nome', ['nome']
            }
        } == ['''CREATE TABLE produtos (
    id INTEGER NOT NULL,
    nome VARCHAR(100) NOT NULL,
    preco NUMERIC(10, 2) DEFAULT 0,
    criado TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    usuario_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY (usuario_id) REFERENCES usuarios (id) ON DELETE CASCADE
)''', 'CREATE INDEX ix_produtos_nome ON produtos (nome)']
    }

    def "each foundation operation renders H2 SQL"() {
        expect:
        sql(block) == expected

        where:
        block                                                             || expected
        ({ dropTable 'produtos' })                                        || ['DROP TABLE produtos']
        ({ dropTable 'produtos', ifExists: true })                        || ['DROP TABLE IF EXISTS produtos']
        ({ addColumn 'usuarios', 'email', string(255) })                  || ['ALTER TABLE usuarios ADD COLUMN email VARCHAR(255)']
        ({ addColumn 'usuarios', 'ativo', boolean, nullable: false, default: true }) || ['ALTER TABLE usuarios ADD COLUMN ativo BOOLEAN DEFAULT TRUE NOT NULL']
        ({ dropColumn 'usuarios', 'email' })                              || ['ALTER TABLE usuarios DROP COLUMN email']
        ({ createIndex 'ix_nome', 'usuarios', ['nome', 'idade'] })        || ['CREATE INDEX ix_nome ON usuarios (nome, idade)']
        ({ createIndex 'ux_email', 'usuarios', ['email'], unique: true }) || ['CREATE UNIQUE INDEX ux_email ON usuarios (email)']
        ({ dropIndex 'ix_nome' })                                         || ['DROP INDEX ix_nome']
        ({ execute 'UPDATE usuarios SET idade = 0' })                     || ['UPDATE usuarios SET idade = 0']
        ({ execute 'VACUUM', dialect: 'postgresql' })                     || []
    }

    def "identifiers are quoted only when reserved, mixed-case or odd"() {
        expect:
        h2.quote(name) == quoted

        where:
        name         || quoted
        'usuarios'   || 'usuarios'
        'user'       || '"user"'
        'Usuarios'   || '"Usuarios"'
        'first name' || '"first name"'
        'order'      || '"order"'
    }

    def "an unknown option is an error naming it"() {
        when:
        sql { addColumn 'usuarios', 'email', string(255), uniqe: true }

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("unknown option 'uniqe'")
    }
}
