revision '2c3d4e5f6071'
revises '1b2c3d4e5f60'
message 'add email to usuarios'

upgrade {
    addColumn 'usuarios', 'email', string(255), unique: true
}

downgrade {
    dropColumn 'usuarios', 'email'
}
