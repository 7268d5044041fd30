revision 'b1c2d3e4f5a6'
revises 'a0b1c2d3e4f5'
message 'add email to pessoas'

upgrade {
    addColumn 'pessoas', 'email', string(120)
}

// A local variable: the literal reader declines it, so specs of the compiled path (RetortSettingsSpec) compile these.
def compiledNotRead = true
