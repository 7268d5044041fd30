revision 'e1a000000008'
revises 'e1a000000007'
message 'delete a run tags with it'

// The unnamed foreign key of revision 2 has a different name on each database (tags_run_uuid_fkey, CONSTRAINT_27,
// tags_ibfk_1, none on SQLite): it is found by its columns, and recreated with a name and ON DELETE CASCADE.
upgrade {
    dropForeignKey 'tags', ['run_uuid']
    createForeignKey 'fk_tags_run_uuid', 'tags', 'runs', ['run_uuid'], ['run_uuid'], onDelete: 'CASCADE'
}

downgrade {
    dropConstraint 'fk_tags_run_uuid', 'tags', type: 'foreignKey'
    createForeignKey 'tags_run_uuid_fkey', 'tags', 'runs', ['run_uuid'], ['run_uuid']
}
