revision 'e1a000000006'
revises 'e1a000000005'
message 'create experiment_tags'

upgrade {
    createTable('experiment_tags') {
        column 'key', string(250), nullable: false
        column 'value', string(5000)
        column 'experiment_id', integer, nullable: false
        primaryKey 'experiment_tag_pk', ['key', 'experiment_id']
        foreignKey 'fk_experiment_tags_experiment', ['experiment_id'], 'experiments', ['experiment_id']
    }
}
