revision 'd2b3c4d5e6f7'
revises 'c1a2b3c4d5e6'
message 'create registro_entrada'

upgrade {
    createTable('registro_entrada') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'cliente_id', integer, nullable: false, references: 'clientes.id'
        column 'fecha_entrada', timestamp, nullable: false, default: now()
        column 'motivo', string(200)
        index 'ix_registro_entrada_cliente_id', ['cliente_id']
    }
}
