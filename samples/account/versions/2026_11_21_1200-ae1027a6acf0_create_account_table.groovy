revision 'ae1027a6acf0'
message 'create account table'

upgrade {
    createTable('account') {
        column 'id', integer, primaryKey: true, autoIncrement: true
        column 'name', string(128), nullable: false
        column 'description', string(200)
        column 'created', timestamp, default: now()
        column 'updated', timestamp
    }
}
