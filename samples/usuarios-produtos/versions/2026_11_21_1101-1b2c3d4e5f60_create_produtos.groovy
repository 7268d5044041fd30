revision '1b2c3d4e5f60'
revises '0a1b2c3d4e5f'
message 'create produtos'

upgrade {
    createTable('produtos') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'nome', string(100), nullable: false
        column 'preco', integer, nullable: false, default: 0
    }
}
