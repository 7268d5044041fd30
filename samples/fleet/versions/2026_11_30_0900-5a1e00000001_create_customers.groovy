revision '5a1e00000001'
message 'create customers'

upgrade {
    createTable('customers') {
        column 'id', bigint, primaryKey: true, autoIncrement: true
        column 'name', string(200), nullable: false
        column 'email', string(255), unique: true
        column 'created', timestamp, default: now()
    }
}
