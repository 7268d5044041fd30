revision 'e1a000000001'
message 'create experiments and runs'

// Named keys and checks, and one foreign key left unnamed (the database names it): revision 8 drops it by its columns.
upgrade {
    createTable('experiments') {
        column 'experiment_id', integer, nullable: false, autoIncrement: true
        column 'name', string(256), nullable: false
        column 'artifact_location', string(256)
        column 'lifecycle_stage', string(32)
        primaryKey 'experiment_pk', ['experiment_id']
        unique 'uq_experiments_name', ['name']
        check 'ck_experiments_lifecycle_stage', "lifecycle_stage IN ('active', 'deleted')"
    }
    createTable('runs') {
        column 'run_uuid', string(32), nullable: false
        column 'name', string(250)
        column 'source_type', string(20)
        column 'status', string(20)
        column 'start_time', bigint
        column 'end_time', bigint
        column 'lifecycle_stage', string(20)
        column 'experiment_id', integer, references: 'experiments.experiment_id'
        primaryKey 'run_pk', ['run_uuid']
        check 'ck_runs_source_type', "source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN')"
        check 'ck_runs_status', "status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING')"
        check 'ck_runs_lifecycle_stage', "lifecycle_stage IN ('active', 'deleted')"
    }
}
