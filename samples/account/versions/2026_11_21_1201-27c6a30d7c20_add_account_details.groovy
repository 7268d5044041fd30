revision '27c6a30d7c20'
revises 'ae1027a6acf0'
message 'add birthdate, email, ip_source and location to account'

upgrade {
    addColumn 'account', 'birthdate', date
    addColumn 'account', 'email', string(128)
    addColumn 'account', 'ip_source', string(16)
    addColumn 'account', 'location', string(128)
}

downgrade {
    dropColumn 'account', 'location'
    dropColumn 'account', 'ip_source'
    dropColumn 'account', 'email'
    dropColumn 'account', 'birthdate'
}
