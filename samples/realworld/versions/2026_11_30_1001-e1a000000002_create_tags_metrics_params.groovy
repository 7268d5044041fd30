revision 'e1a000000002'
revises 'e1a000000001'
message 'create tags, metrics and params'

// Composite named keys; each foreign key to runs is unnamed, as SQLAlchemy's ForeignKey leaves it.
upgrade {
    createTable('tags') {
        column 'key', string(250), nullable: false
        column 'value', string(250)
        column 'run_uuid', string(32), nullable: false, references: 'runs.run_uuid'
        primaryKey 'tag_pk', ['key', 'run_uuid']
    }
    createTable('metrics') {
        column 'key', string(250), nullable: false
        column 'value', double, nullable: false
        column 'timestamp', bigint, nullable: false
        column 'run_uuid', string(32), nullable: false, references: 'runs.run_uuid'
        primaryKey 'metric_pk', ['key', 'timestamp', 'run_uuid']
    }
    createTable('params') {
        column 'key', string(250), nullable: false
        column 'value', string(250), nullable: false
        column 'run_uuid', string(32), nullable: false, references: 'runs.run_uuid'
        primaryKey 'param_pk', ['key', 'run_uuid']
    }
}
