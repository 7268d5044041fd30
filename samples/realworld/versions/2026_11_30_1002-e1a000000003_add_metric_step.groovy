revision 'e1a000000003'
revises 'e1a000000002'
message 'add step to metrics'

upgrade {
    addColumn 'metrics', 'step', bigint, nullable: false, default: 0
}
