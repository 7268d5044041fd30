revision 'be7700000001'
message 'create orders'

upgrade {
    createTable('orders') {
        column 'id', bigint, primaryKey: true, autoIncrement: true
        column 'placed_at', timestamp, nullable: false, default: now()
    }
}
downgrade {
    dropTable 'orders'
}
