revision 'a1a1a1a1a1a1'
message 'create clientes'

upgrade {
    createTable('clientes') {
        column 'id', integer, primaryKey: true
        column 'nome', string(100), nullable: false
    }
}
