revision 'ca5e00000001'
message 'create notes'

upgrade {
    createTable('notes') {
        column 'id', integer, primaryKey: true
        column 'body', text
    }
}
downgrade {
    dropTable 'notes'
}
