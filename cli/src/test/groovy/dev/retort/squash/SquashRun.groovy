package dev.retort.squash

/**
 * The five-revision run the squash specs share, in Groovy and in Kotlin: r0 before it (editora), the run r1..r5 (two
 * tables, a column and an index, a foreign key, an insert with a column after it), and r6 on top of it.
 */
final class SquashRun {
    static final List<String> IDS = ['r00000000000', 'r10000000000', 'r20000000000', 'r30000000000', 'r40000000000',
                                     'r50000000000', 'r60000000000']
    static final List<String> RUN = IDS[1..5]

    static final Map<String, String> GROOVY = [
            r0: '''
                upgrade {
                    createTable('editora') {
                        column 'id', integer, primaryKey: true
                        column 'nome', string(100), nullable: false
                    }
                }''',
            r1: '''
                upgrade {
                    createTable('autor') {
                        column 'id', integer, primaryKey: true
                        column 'nome', string(100), nullable: false
                    }
                }''',
            r2: '''
                upgrade {
                    createTable('livro') {
                        column 'id', integer, primaryKey: true
                        column 'titulo', string(200), nullable: false
                        column 'autor_id', integer
                    }
                }''',
            r3: '''
                upgrade {
                    addColumn 'livro', 'ano', integer
                    createIndex 'ix_livro_titulo', 'livro', ['titulo']
                }''',
            r4: '''
                upgrade {
                    createForeignKey 'fk_livro_autor', 'livro', 'autor', ['autor_id'], ['id']
                }''',
            r5: '''
                upgrade {
                    insert 'autor', [[id: 1, nome: 'Machado']]
                    addColumn 'autor', 'pais', string(2)
                }

                downgrade {
                    dropColumn 'autor', 'pais'
                    execute 'DELETE FROM autor WHERE id = 1'
                }''',
            r6: '''
                upgrade {
                    addColumn 'editora', 'site', string(200)
                }''']

    static final Map<String, String> KOTLIN = [
            r0: '''
                upgrade {
                    createTable("editora") {
                        column("id", integer, primaryKey = true)
                        column("nome", string(100), nullable = false)
                    }
                }''',
            r1: '''
                upgrade {
                    createTable("autor") {
                        column("id", integer, primaryKey = true)
                        column("nome", string(100), nullable = false)
                    }
                }''',
            r2: '''
                upgrade {
                    createTable("livro") {
                        column("id", integer, primaryKey = true)
                        column("titulo", string(200), nullable = false)
                        column("autor_id", integer)
                    }
                }''',
            r3: '''
                upgrade {
                    addColumn("livro", "ano", integer)
                    createIndex("ix_livro_titulo", "livro", listOf("titulo"))
                }''',
            r4: '''
                upgrade {
                    createForeignKey("fk_livro_autor", "livro", "autor", listOf("autor_id"), listOf("id"))
                }''',
            r5: '''
                upgrade {
                    insert("autor", listOf(mapOf("id" to 1, "nome" to "Machado")))
                    addColumn("autor", "pais", string(2))
                }

                downgrade {
                    dropColumn("autor", "pais")
                    execute("DELETE FROM autor WHERE id = 1")
                }''',
            r6: '''
                upgrade {
                    addColumn("editora", "site", string(200))
                }''']

    private SquashRun() {}

    /** The header and body of revision {@code n} (0..6) in a language, its file named after its id. */
    static String text(String language, int n) {
        String id = IDS[n]
        String parent = n == 0 ? null : IDS[n - 1]
        String body = (language == 'kotlin' ? KOTLIN : GROOVY)["r$n"].stripIndent()
        language == 'kotlin'
                ? "revision(\"$id\")\n" + (parent ? "revises(\"$parent\")\n" : '') + "message(\"step $n\")\n$body\n"
                : "revision '$id'\n" + (parent ? "revises '$parent'\n" : '') + "message 'step $n'\n$body\n"
    }

    static String fileName(String language, int n) { IDS[n] + (language == 'kotlin' ? '.kts' : '.groovy') }
}
