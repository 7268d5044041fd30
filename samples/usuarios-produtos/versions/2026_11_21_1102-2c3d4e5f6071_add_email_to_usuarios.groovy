revision '2c3d4e5f6071'
revises '1b2c3d4e5f60'
message 'add email to usuarios'

upgrade {
    addColumn 'usuarios', 'email', string(255), unique: true // retort:nolint RT207 usuarios is a demo table of a few rows; on a large one build the unique index concurrently first
}

downgrade {
    dropColumn 'usuarios', 'email'
}
