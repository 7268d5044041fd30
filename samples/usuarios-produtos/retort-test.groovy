// Data checks for `retort test` (Groovy only): rows put in once a revision is applied, and assertions once a later
// one has run. Keys of rows(...) are column names in lower case.
at '0a1b2c3d4e5f' {
    insert 'usuarios', [[nome: 'Ana', idade: 30], [nome: 'Rui', idade: null]]
}

at '1b2c3d4e5f60' {
    insert 'produtos', [[nome: 'Caneta']]
}

after '2c3d4e5f6071' {
    // The users already there get no email, and several empty emails do not break the unique constraint.
    assert rows('select nome, idade, email from usuarios order by nome') ==
            [[nome: 'Ana', idade: 30, email: null], [nome: 'Rui', idade: null, email: null]]
    assert value('select preco from produtos') == 0
}
