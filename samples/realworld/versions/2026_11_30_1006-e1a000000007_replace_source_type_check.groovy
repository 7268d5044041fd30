revision 'e1a000000007'
revises 'e1a000000006'
message 'replace the source_type check'

// A check constraint replaced by one that allows more values (SQLite rebuilds runs for each step).
upgrade {
    dropConstraint 'ck_runs_source_type', 'runs', type: 'check'
    createCheckConstraint 'ck_runs_source_type', 'runs', "source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')"
}

downgrade {
    dropConstraint 'ck_runs_source_type', 'runs', type: 'check'
    createCheckConstraint 'ck_runs_source_type', 'runs', "source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN')"
}
