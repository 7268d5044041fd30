revision 'ae1027a6acf4'
revises '1975ea83b712'
message 'create registro_entrada'

upgrade {
    createTable('registro_entrada') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'cliente_id', integer, nullable: false, references: 'clientes.id', onDelete: 'CASCADE'
        column 'fecha_entrada', timestamp, nullable: false, default: now()
        column 'motivo', string(200)
        index 'ix_registro_entrada_cliente', ['cliente_id']
    }
}
