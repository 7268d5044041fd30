revision 'b00c5a000002'
revises 'b00c5a000001'
message 'add published_year to books'

upgrade {
    addColumn 'books', 'published_year', integer
    execute "UPDATE books SET published_year = 1899 WHERE title = 'Dom Casmurro'"
    execute "UPDATE books SET published_year = 1881 WHERE title = 'Memórias Póstumas de Brás Cubas'"
    execute "UPDATE books SET published_year = 1956 WHERE title = 'Grande Sertão: Veredas'"
}

downgrade {
    dropColumn 'books', 'published_year'
}
