revision '0a1b2c3d4e5f'
message 'create usuarios'

upgrade {
    createTable('usuarios') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'nome', string(100), nullable: false
        column 'idade', integer
    }
}
