revision 'c0ffee000001'
message 'create accounts'

upgrade {
    createTable('accounts') {
        column 'id', integer, primaryKey: true
        column 'owner', string(100), nullable: false
    }
}
downgrade {
    dropTable 'accounts'
}
