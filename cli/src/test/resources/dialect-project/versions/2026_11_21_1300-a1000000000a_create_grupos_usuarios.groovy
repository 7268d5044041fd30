revision 'a1000000000a'
message 'create grupos and usuarios with data'

upgrade {
    createTable('grupos') {
        column 'id', integer, primaryKey: true
        column 'nome', string(50), nullable: false
    }
    createTable('usuarios', comment: 'people') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'nome', string(100), nullable: false
        column 'idade', integer, default: 0
        column 'email', string(255)
        column 'grupo_id', integer, references: 'grupos.id'
        column 'criado', timestamp, default: now()
        index 'ix_usuarios_nome', ['nome']
    }
    insert 'grupos', [[id: 1, nome: 'admin'], [id: 2, nome: 'membros']]
    insert 'usuarios', [
        [nome: 'Ana', idade: 30, email: 'ana@example.com', grupo_id: 1],
        [nome: 'Bruno', idade: 25, email: null, grupo_id: 2],
    ]
}

downgrade {
    dropTable 'usuarios'
    dropTable 'grupos'
}
