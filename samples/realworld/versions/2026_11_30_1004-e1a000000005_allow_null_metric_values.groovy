revision 'e1a000000005'
revises 'e1a000000004'
message 'allow null metric values'

upgrade {
    alterColumn 'metrics', 'value', nullable: true, existingType: double
}

downgrade {
    alterColumn 'metrics', 'value', nullable: false, existingType: double
}
