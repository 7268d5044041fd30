revision 'e1a000000004'
revises 'e1a000000003'
message 'widen params.value'

// A column widened; existingType/existingNullable let MySQL restate the column offline too.
upgrade {
    alterColumn 'params', 'value', type: string(500), existingType: string(250), existingNullable: false
}

downgrade {
    alterColumn 'params', 'value', type: string(250), existingType: string(500), existingNullable: false
}
