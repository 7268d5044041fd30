revision 'e1a00000000b'
revises 'e1a00000000a'
message 'longer tag values'

// A type per database: MySQL and MariaDB keep long values in TEXT, outside the row-size limit.
upgrade {
    alterColumn 'tags', 'value', type: string(5000).on('mysql', text), existingType: string(250), existingNullable: true
}

downgrade {
    alterColumn 'tags', 'value', type: string(250), existingType: string(5000).on('mysql', text), existingNullable: true
}
