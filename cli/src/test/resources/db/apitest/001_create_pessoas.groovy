revision 'a0b1c2d3e4f5'
message 'create pessoas'

upgrade {
    createTable('pessoas') {
        column 'id', integer, primaryKey: true
        column 'nome', string(80), nullable: false
    }
}
