revision '5e6f7a8b9c0d'
message 'create pedidos'

upgrade {
    createTable('pedidos') {
        column 'id', bigint, primaryKey: true, autoIncrement: true
        column 'cliente', string(100), nullable: false
        column 'total', numeric(12, 2), nullable: false, default: 0
        column 'criado', timestamp, nullable: false, default: now()
    }
}
