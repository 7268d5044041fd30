// Rows that exist before the email column, and what they look like after it.
at('a1a1a1a1a1a1') {
    insert 'clientes', [[id: 1, nome: 'Ana'], [id: 2, nome: 'Rui']]
}

after('b2b2b2b2b2b2') {
    assert rows('select id, email from clientes order by id') == [[id: 1, email: null], [id: 2, email: null]]
}
