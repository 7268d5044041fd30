revision 'c1a2b3c4d5e6'
message 'create clientes'

upgrade {
    createTable('clientes') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'nombre', string(100), nullable: false
        column 'apellido', string(100), nullable: false
        column 'identificacion', string(30), nullable: false, unique: true
        column 'telefono', string(20)
        column 'email', string(255)
    }
}
