revision 'e1a000000009'
revises 'e1a000000008'
message 'index the names of active runs'

// Per-dialect branches: a partial index where the database has them, a whole-column index elsewhere.
upgrade {
    onDialect('postgresql', 'sqlite') {
        createIndex 'ix_runs_active_name', 'runs', ['name'], where: "lifecycle_stage = 'active'"
    }
    onDialect('h2', 'mysql') {          // 'mysql' covers MariaDB too
        createIndex 'ix_runs_active_name', 'runs', ['name']
    }
}

downgrade {
    dropIndex 'ix_runs_active_name', table: 'runs'
}
