package dev.retort.internal.script

import dev.retort.dsl.op.Operation
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The literal reader against the compiler: wherever the reader accepts a revision, it must record the same operations,
 * in the same order, with the same lines (nested ones included) and the same assured set as the compiled script; outside
 * its subset it must decline.
 */
class GroovyLiteralReaderSpec extends Specification {
    @Shared @TempDir Path dir

    /** The repository root: the module's parent when run by Maven. */
    static Path root() {
        Path p = Paths.get('').toAbsolutePath()
        while (p != null && !Files.exists(p.resolve('bench/generate'))) p = p.parent
        assert p != null: 'the repository root (with bench/generate) is not above ' + Paths.get('').toAbsolutePath()
        p
    }

    /** Every Groovy revision script in the repository (samples, versions, test fixtures), not build output. */
    static List<Path> repositoryScripts() {
        Files.walk(root()).withCloseable { s ->
            s.filter { it.toString().endsWith('.groovy') && !it.toString().contains('/target/') && !it.toString().contains('/src/test/groovy/')
                    && !it.toString().contains('/src/main/groovy/') && !it.toString().contains('/.git/') && !it.toString().contains('/bench/work/') }
                    .filter { (Files.readString(it) =~ /(?m)^\s*revision[ (]/).find() }
                    .sorted().toList()
        }
    }

    RevisionSource source(Path file, String text) {
        new RevisionSource(HeaderReader.read(file, text), file, ScriptLanguage.GROOVY, RevisionSource.hashOf(text))
    }

    /** The compiled path alone: a fresh cache, the reader switched off. */
    LoadedRevision compiled(Path file, String text) {
        def store = new CompiledScripts(PrecompiledRevisions.none(), new ScriptCompileCache(Files.createTempDirectory(dir, 'cache')))
        new GroovyRevisionCompiler(store, CompileProgress.NONE, false).load(source(file, text))
    }

    Optional<LoadedRevision> read(Path file, String text) { GroovyLiteralReader.read(source(file, text), text) }

    /** What a run sees of a revision: operations, explicit downgrade, every operation's line, and which are assured. */
    static Map recorded(LoadedRevision r) {
        [upgrade   : r.upgrade(),
         downgrade : r.explicitDowngrade().orElse(null),
         lines     : r.lines().collect { Operation op, Integer line -> "$line: $op".toString() }.sort(),
         upLines   : r.locatedUpgrade().collect { it.line() },
         downLines : r.explicitDowngrade().isPresent() ? r.locatedDowngrade().collect { it.line() } : null,
         assured   : r.upgrade().collect { r.isAssured(it) }]
    }

    Path write(String name, String text) {
        Path file = dir.resolve('versions').resolve(name)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    def "every revision script in the repository: where the reader accepts, it records what the compiled script records"() {
        given:
        def scripts = repositoryScripts()
        def accepted = []
        def declined = []

        expect:
        scripts.size() >= 30
        scripts.each { file ->
            String text = Files.readString(file)
            def read = read(file, text)
            LoadedRevision viaCompiler = null
            Throwable failure = null
            try { viaCompiler = compiled(file, text) } catch (ScriptException e) { failure = e }
            if (failure != null) {
                assert read.isEmpty(): "$file does not compile ($failure.message) but the reader accepted it"
                declined << file
            } else if (read.isPresent()) {
                assert recorded(read.get()) == recorded(viaCompiler): "$file"
                accepted << file
            } else {
                declined << file
            }
        }
        // The common samples are plain DSL: the reader must take them, or the cold path gains nothing for them.
        ['samples/account/versions', 'samples/clientes/versions', 'samples/usuarios-produtos/versions', 'versions'].each { folder ->
            def inFolder = scripts.findAll { root().relativize(it).parent.toString() == folder }
            assert !inFolder.isEmpty()
            assert accepted.containsAll(inFolder): "declined in $folder: ${inFolder - accepted}"
        }
        println "literal reader: ${accepted.size()} of ${scripts.size()} repository scripts read; declined: ${declined.collect { root().relativize(it) }}"
        accepted.size() > declined.size()
    }

    def "the bench workload is read, and equal to the compiled script"() {
        given:
        Path project = dir.resolve('bench')
        def p = new ProcessBuilder('bash', root().resolve('bench/generate').toString(), project.toString(), '5', 'groovy', 'jdbc:h2:mem:x')
                .redirectErrorStream(true).start()
        assert p.waitFor() == 0: p.inputStream.text
        def files = Files.list(project.resolve('versions')).withCloseable { it.sorted().toList() }

        expect:
        files.size() == 5
        files.each { file ->
            String text = Files.readString(file)
            def read = read(file, text)
            assert read.isPresent(): "$file"
            assert recorded(read.get()) == recorded(compiled(file, text))
        }
    }

    def "a read revision is kept as a recording, not as classes, and a later run reads the recording back"() {
        given:
        def file = write('kept.groovy', "revision 'abcdef012399'\nupgrade {\n    createTable('t') { column 'id', integer }\n    createIndex 'ix', 't', ['id']\n}\n")
        Path cache = Files.createTempDirectory(dir, 'kept')
        def sources = VersionScanner.scan([file.parent], false).findAll { it.file() == file }

        when:
        def first = RevisionLoader.standard(cache).loadAll(sources)[0]
        def files = Files.walk(cache).withCloseable { s -> s.filter { Files.isRegularFile(it) }.map { it.fileName.toString() }.toList() }
        def second = RevisionLoader.standard(cache).loadAll(sources)[0]

        then:
        files.size() == 1
        files[0].endsWith('.ops')
        recorded(second) == recorded(first)
        recorded(first) == recorded(compiled(file, Files.readString(file)))
    }

    def "accepted: #what"() {
        given:
        def file = write("ok_${what.replaceAll(/\W/, '_')}.groovy", "revision 'abcdef012345'\nmessage 'm'\n\n" + body)
        String text = Files.readString(file)

        when:
        def read = read(file, text)

        then:
        read.isPresent()
        recorded(read.get()) == recorded(compiled(file, text))
        !read.get().upgrade().isEmpty()

        where:
        what                              | body
        'table with every column option'  | '''upgrade {
    createTable('t', schema: 'app', ifNotExists: true, comment: "a table") {
        column 'id', bigint, primaryKey: true, autoIncrement: true
        column 'name', string(100), nullable: false, unique: true, default: 'x', comment: 'the name'
        column 'ratio', numeric(10, 2), default: -1.50
        column 'n', integer, default: -3
        column 'at', timestamp, default: now()
        column('flag', boolean, default: false)
        column 'f', float; column 'd', double
        column 'kind', enumOf('a', 'b', 'c')
        column 'raw', sqlType('CITEXT'), default: sqlExpr('lower(name)')
        column 'ref', integer, references: 'other.id', onDelete: 'cascade'
        primaryKey 'pk_t', ['id']
        unique 'uq_t', ['name', 'n']
        foreignKey 'fk_t', ['ref'], 'other', ['id'], onDelete: 'set null'
        check 'ck_t', 'n > 0'
        index 'ix_t', ['name'], unique: true
    }
}'''
        'downgrade and line comments'     | '''upgrade {
    addColumn 't', 'c', string(20), nullable: false, default: 'NEW' // why
    // a comment line
    createIndex 'ix', 't', ['c'], concurrently: true
}

downgrade {
    dropIndex 'ix', table: 't'
    dropColumn 't', 'c'
}'''
        'nested blocks and safetyAssured' | '''upgrade {
    onDialect('postgresql') {
        execute 'CREATE EXTENSION IF NOT EXISTS citext'
    }
    onDialect('postgresql', 'h2', 'sqlite') { execute "SELECT 1" }
    autocommit {
        createIndex 'ix_a', 't', ['a'], concurrently: true
        createIndex 'ix_b', 't', ['b'], concurrently: true
    }
    safetyAssured {
        dropColumn 't', 'legacy'
    }
    execute 'UPDATE t SET a = 1', dialect: 'mysql'
}'''
        'alterColumn, constraints, data'  | '''upgrade {
    alterColumn 't', 'c', type: string(200), nullable: true, default: null, existingType: string(100)
    renameColumn 't', 'a', 'b'
    renameTable 't', 'u'
    createForeignKey 'fk', 'u', 'p', ['pid'], ['id'], onDelete: 'cascade', notValid: true
    validateConstraint 'fk', 'u'
    createCheckConstraint 'ck', 'u', 'b > 0'
    createUniqueConstraint 'uq', 'u', ['b']
    dropConstraint 'old', 'u', type: 'foreignKey'
    dropForeignKey 'u', ['x']
    tableComment 'u', 'users'
    insert 'u', [
        [id: 1, name: 'a', ratio: 0.5],
        [id: 2, name: 'b', ratio: null]
    ]
    dropTable 'old', ifExists: true
}'''
    }

    def "declined: #what"() {
        given:
        def file = write("no_${what.replaceAll(/\W/, '_')}.groovy", "revision 'abcdef012345'\nmessage 'm'\n\n" + body)

        expect:
        read(file, Files.readString(file)).isEmpty()

        where:
        what                                | body
        'a variable'                        | "def t = 'x'\nupgrade { dropTable t }"
        'a loop'                            | "upgrade {\n    for (i in 1..3) { dropTable 't' + i }\n}"
        'each over a list'                  | "upgrade {\n    ['a', 'b'].each { dropTable it }\n}"
        'string interpolation'              | 'upgrade {\n    execute "DROP TABLE ${1}"\n}'
        'a block parameter'                 | "upgrade { b ->\n    b.dropTable 't'\n}"
        'connection code'                   | "upgrade {\n    connection { execute 'x' }\n}"
        'connection code with parameters'   | "upgrade {\n    connection { c, sql -> sql.execute('x') }\n}"
        'an import'                         | "import java.time.Instant\nupgrade { dropTable 't' }"
        'a class'                           | "class Helper {}\nupgrade { dropTable 't' }"
        'a method call on a string'         | "upgrade {\n    dropTable 'T'.toLowerCase()\n}"
        'an unknown name'                   | "upgrade {\n    dropTable tableName\n}"
        'an unknown method'                 | "upgrade {\n    println 'x'\n}"
        'a block comment'                   | "upgrade {\n    /* why */ dropTable 't'\n}"
        'a triple-quoted string'            | "upgrade {\n    execute '''SELECT 1'''\n}"
        'an escape in a string'             | "upgrade {\n    execute 'it\\'s'\n}"
        'an unknown option (the DSL throws)'| "upgrade {\n    dropTable 't', ifExist: true\n}"
        'upgrade declared twice'            | "upgrade { dropTable 'a' }\nupgrade { dropTable 'b' }"
        'a name on a later line'            | "upgrade {\n    addColumn 't', 'c',\n        integer\n}"
        'call arguments on later lines'     | "upgrade {\n    createIndex('ix', 't',\n        ['a'])\n}"
        'command arguments on later lines'  | "upgrade {\n    createIndex 'ix',\n        't',\n        ['a']\n}"
        'a chained type'                    | "upgrade {\n    addColumn 't', 'c', string(255).on('mysql', sqlType('LONGTEXT'))\n}"
        'an operator'                       | "upgrade {\n    addColumn 't', 'c', string(100 + 1)\n}"
        'a long number'                     | "upgrade {\n    addColumn 't', 'c', integer, default: 10000000000\n}"
        'a script statement at the top'     | "println 'x'\nupgrade { dropTable 't' }"
        'a closure as a value'              | "upgrade {\n    createTable('t', { column 'id', integer })\n}"
        'a table block calling a migration' | "upgrade {\n    createTable('t') {\n        column 'id', integer\n        dropTable 'x'\n    }\n}"
    }
}
