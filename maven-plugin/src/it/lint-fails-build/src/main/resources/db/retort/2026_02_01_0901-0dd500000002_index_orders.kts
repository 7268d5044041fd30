revision("0dd500000002")
revises("0dd500000001")
message("index orders")

upgrade {
    createIndex("ix_orders_customer", "orders", listOf("customer_id"))
    renameColumn("orders", "customer_id", "client_id")
}
