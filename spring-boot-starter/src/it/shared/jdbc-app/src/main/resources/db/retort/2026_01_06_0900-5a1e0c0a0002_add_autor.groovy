revision '5a1e0c0a0002'
revises '5a1e0c0a0001'
message 'add autor to livros'

upgrade {
    addColumn 'livros', 'autor', string(80)
}
