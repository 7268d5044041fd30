revision '5a1e0c0a0001'
message 'create livros'

upgrade {
    createTable('livros') {
        column 'id', integer, primaryKey: true
        column 'titulo', string(120), nullable: false
    }
    insert 'livros', [[id: 1, titulo: 'Dom Casmurro']]
}
