revision '0dd500000001'
message 'create orders'

upgrade {
    createTable('orders') {
        column 'id', integer, primaryKey: true
        column 'customer_id', integer
    }
}
