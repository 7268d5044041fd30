revision 'e1a00000000a'
revises 'e1a000000009'
message 'add KILLED to the run status enum'

// The status enum is kept by a named CHECK (as SQLAlchemy's Enum makes it), so extending its values replaces it.
upgrade {
    dropConstraint 'ck_runs_status', 'runs', type: 'check'
    createCheckConstraint 'ck_runs_status', 'runs', "status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')"
}

downgrade {
    execute "UPDATE runs SET status = 'FAILED' WHERE status = 'KILLED'"
    dropConstraint 'ck_runs_status', 'runs', type: 'check'
    createCheckConstraint 'ck_runs_status', 'runs', "status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING')"
}
