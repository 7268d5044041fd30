revision 'be7700000002'
revises 'be7700000001'
message 'index orders by time'

upgrade {
    createIndex 'ix_orders_placed_at', 'orders', ['placed_at']
}
downgrade {
    dropIndex 'ix_orders_placed_at'
}
