revision '6f7a8b9c0d1e'
revises '5e6f7a8b9c0d'
message 'add status to pedidos'

upgrade {
    addColumn 'pedidos', 'status', string(20), nullable: false, default: 'NOVO'
    createIndex 'ix_pedidos_status', 'pedidos', ['status'], concurrently: true
}
