// The schema this sample should have. Edit it, then run
//   ../../retort revision --autogenerate -m "what changed"
//   ../../retort upgrade head
// and Retort writes (and applies) the revision that takes the database there.
createTable("usuarios") {
    column("id", integer, primaryKey = true, autoIncrement = true)
    column("nome", string(100), nullable = false)
    column("idade", integer)
    column("email", string(255), unique = true)
}

createTable("produtos") {
    column("id", integer, primaryKey = true, autoIncrement = true)
    column("nome", string(100), nullable = false)
    column("preco", integer, nullable = false, default = 0)
}
