revision 'c3000000000c'
revises 'b2000000000b'
message 'etiquetas with keys added after the fact'

upgrade {
    createTable('etiquetas') {
        column 'codigo', string(20), nullable: false
        column 'usuario_id', integer
    }
    insert 'etiquetas', [[codigo: 'vip', usuario_id: 1], [codigo: 'novo', usuario_id: 2]]
    createForeignKey 'fk_etiquetas_usuario', 'etiquetas', 'usuarios', ['usuario_id'], ['id'], onDelete: 'CASCADE'
    createPrimaryKey 'pk_etiquetas', 'etiquetas', ['codigo']
    createIndex 'ix_etiquetas_usuario', 'etiquetas', ['usuario_id']
}

downgrade {
    dropTable 'etiquetas'
}
