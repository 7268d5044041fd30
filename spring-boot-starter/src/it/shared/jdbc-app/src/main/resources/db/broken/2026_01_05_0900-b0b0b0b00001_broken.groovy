revision 'b0b0b0b00001'
message 'inserts into a table nobody created'

upgrade {
    execute 'INSERT INTO nao_existe (id) VALUES (1)'
}
