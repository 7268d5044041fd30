// The schema that the default project's versions/ build, written as a model: check must find nothing to do.
createTable('clientes') {
    column 'id', integer, primaryKey: true, autoIncrement: true
    column 'nombre', string(100), nullable: false
    column 'apellido', string(100), nullable: false
    column 'identificacion', string(20), nullable: false, unique: true
    column 'telefono', string(20)
    column 'email', string(255)
    column 'fecha_nacimiento', date
    index 'ix_clientes_apellido', ['apellido', 'nombre']
}

createTable('registro_entrada') {
    column 'id', integer, primaryKey: true, autoIncrement: true
    column 'cliente_id', integer, nullable: false, references: 'clientes.id', onDelete: 'CASCADE'
    column 'fecha_entrada', timestamp, nullable: false, default: now()
    column 'motivo', string(200)
    index 'ix_registro_entrada_cliente', ['cliente_id']
}

createTable('motivos') {
    column 'codigo', string(10), primaryKey: true
    column 'descripcion', string(100), nullable: false
    column 'activo', boolean, nullable: false, default: true
}
