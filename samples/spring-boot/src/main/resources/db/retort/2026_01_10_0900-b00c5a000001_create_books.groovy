revision 'b00c5a000001'
message 'create books'

upgrade {
    createTable('books') {
        column 'id', bigint, primaryKey: true, autoIncrement: true
        column 'title', string(200), nullable: false
        column 'author', string(120), nullable: false
        index 'ix_books_author', ['author']
    }
    insert 'books', [
        [title: 'Dom Casmurro', author: 'Machado de Assis'],
        [title: 'Memórias Póstumas de Brás Cubas', author: 'Machado de Assis'],
        [title: 'Grande Sertão: Veredas', author: 'João Guimarães Rosa'],
    ]
}
