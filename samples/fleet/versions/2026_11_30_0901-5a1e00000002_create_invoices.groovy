revision '5a1e00000002'
revises '5a1e00000001'
message 'create invoices'

upgrade {
    createTable('invoices') {
        column 'id', bigint, primaryKey: true, autoIncrement: true
        column 'customer_id', bigint, nullable: false, references: 'customers.id', onDelete: 'CASCADE'
        column 'total', numeric(12, 2), nullable: false, default: 0
        column 'issued', date, nullable: false
        index 'ix_invoices_customer', ['customer_id']
    }
}
