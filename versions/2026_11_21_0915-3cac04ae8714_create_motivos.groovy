revision '3cac04ae8714'
revises '27c6a30d7c24'
message 'create motivos with seed data'

upgrade {
    createTable('motivos') {
        column 'codigo', string(10), primaryKey: true
        column 'descripcion', string(100), nullable: false
        column 'activo', boolean, nullable: false, default: true
    }
    insert 'motivos', [
        [codigo: 'VISITA', descripcion: 'Visita comercial', activo: true],
        [codigo: 'SOPORTE', descripcion: 'Soporte técnico', activo: true],
        [codigo: 'ENTREGA', descripcion: 'Entrega de pedido', activo: false],
    ]
}

downgrade {
    dropTable 'motivos'
}
