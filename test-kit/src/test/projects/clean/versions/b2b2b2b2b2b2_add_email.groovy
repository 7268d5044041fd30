revision 'b2b2b2b2b2b2'
revises 'a1a1a1a1a1a1'
message 'add email to clientes'

upgrade {
    addColumn 'clientes', 'email', string(255)
    createIndex 'ix_clientes_email', 'clientes', ['email']
}
