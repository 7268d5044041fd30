revision '27c6a30d7c24'
revises 'ae1027a6acf4'
message 'add fecha_nacimiento to clientes'

upgrade {
    addColumn 'clientes', 'fecha_nacimiento', date
    createIndex 'ix_clientes_apellido', 'clientes', ['apellido', 'nombre'], concurrently: true
}
