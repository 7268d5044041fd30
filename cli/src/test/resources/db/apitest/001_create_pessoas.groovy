revision 'a0b1c2d3e4f5'
message 'create pessoas'

upgrade {
    createTable('pessoas') {
        column 'id', integer, primaryKey: true
        column 'nome', string(80), nullable: false
    }
}

// A local variable: the literal reader declines it, so specs of the compiled path (RetortSettingsSpec) compile these.
def compiledNotRead = true
