revision 'b2000000000b'
revises 'a1000000000a'
message 'alter usuarios without stating the existing columns'

// No existing* options: MariaDB restates columns and SQLite rebuilds the table from the live definition.
upgrade {
    alterColumn 'usuarios', 'email', type: string(320)
    alterColumn 'usuarios', 'idade', nullable: false
    renameColumn 'usuarios', 'nome', 'nome_completo'
    createUniqueConstraint 'uq_usuarios_email', 'usuarios', ['email']
    createCheckConstraint 'ck_usuarios_idade', 'usuarios', 'idade >= 0'
    addColumn 'usuarios', 'ativo', boolean, nullable: false, default: true
    alterColumn 'usuarios', 'email', comment: 'login'
    tableComment 'usuarios', 'contas'
}

downgrade {
    tableComment 'usuarios', 'people'
    dropColumn 'usuarios', 'ativo'
    dropConstraint 'ck_usuarios_idade', 'usuarios', type: 'check'
    dropConstraint 'uq_usuarios_email', 'usuarios', type: 'unique'
    renameColumn 'usuarios', 'nome_completo', 'nome'
    alterColumn 'usuarios', 'idade', nullable: true
    alterColumn 'usuarios', 'email', type: string(255), comment: null
}
