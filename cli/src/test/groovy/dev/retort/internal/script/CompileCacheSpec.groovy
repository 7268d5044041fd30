package dev.retort.internal.script

import dev.retort.dsl.op.CreateTable
import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CopyOnWriteArrayList
import spock.lang.Specification
import spock.lang.TempDir

/** The on-disk compile cache: hits skip the compiler, changed text misses, damaged entries are recompiled. */
class CompileCacheSpec extends Specification {
    @TempDir Path dir

    static final String KOTLIN_ROOT = '''
        revision("aaaaaaaaaaaa")
        message("create usuarios")

        upgrade {
            createTable("usuarios") {
                column("id", integer, primaryKey = true)
                column("nome", string(100), nullable = false)
            }
        }
        val compiledNotRead = true // see COMPILED_KOTLIN
        '''
    /**
     * Appended to a Groovy fixture whose compile these specs are about: a local variable is outside what the literal
     * reader takes, so the script is compiled rather than read as data.
     */
    static final String COMPILED = "\ndef compiledNotRead = true\n"
    /** The same for a Kotlin fixture: a {@code val} is outside what the Kotlin literal reader takes. */
    static final String COMPILED_KOTLIN = "\nval compiledNotRead = true\n"

    static final String GROOVY_MIDDLE = '''
        revision 'bbbbbbbbbbbb'
        revises 'aaaaaaaaaaaa'
        message 'create produtos'

        upgrade {
            createTable('produtos') {
                column 'id', integer, primaryKey: true
            }
        }
        def compiledNotRead = true // see COMPILED
        '''
    static final String KOTLIN_HEAD = '''
        revision("cccccccccccc")
        revises("bbbbbbbbbbbb")
        message("add email")

        upgrade {
            addColumn("usuarios", "email", string(255))
        }
        val compiledNotRead = true // see COMPILED_KOTLIN
        '''

    /** Kotlin compiler or scripting-host classes in a -verbose:class log. */
    static List<String> compilerClassesLoaded(String verboseLog) {
        verboseLog.readLines().findAll { it =~ /\[class,load\] (org\.jetbrains\.kotlin\.|kotlin\.script\.experimental\.jvmhost\.|dev\.retort\.script\.EmbeddedKotlinCompiler)/ }
    }

    def "a run over a warm cache loads no Kotlin compiler class and, with recorded operations kept, no script class"() {
        given:
        def project = new TempProject(dir)
        project.write('a.kts', KOTLIN_ROOT)
        project.write('b.groovy', GROOVY_MIDDLE)
        project.write('c.kts', KOTLIN_HEAD)

        when: 'a first run in a fresh JVM compiles all three'
        def cold = project.runInFreshJvm(['-verbose:class'], 'upgrade', 'head')

        then: 'the class-load log shows the compiler when it is used, so its absence below means something'
        cold.exitCode == 0
        cold.out.readLines().count { it.startsWith('Running upgrade') } == 3
        !compilerClassesLoaded(cold.out).isEmpty()
        project.cacheEntries().size() == 3

        when: 'a second fresh JVM finds every script in the cache'
        def warm = project.runInFreshJvm(['-verbose:class'], 'downgrade', 'base')

        then:
        warm.exitCode == 0
        warm.out.readLines().findAll { it.startsWith('Running downgrade') } == [
                'Running downgrade cccccccccccc -> bbbbbbbbbbbb, add email',
                'Running downgrade bbbbbbbbbbbb -> aaaaaaaaaaaa, create produtos',
                'Running downgrade aaaaaaaaaaaa -> , create usuarios']
        compilerClassesLoaded(warm.out) == []
        !warm.out.contains('Retort_revision_aaaaaaaaaaaa')
        !warm.out.contains('retort_revision_bbbbbbbbbbbb')
        project.cacheEntries().size() == 3

        when: 'without the recordings, a third fresh JVM defines the cached classes, still without a compiler'
        deleteRecordings(project)
        def classes = project.runInFreshJvm(['-verbose:class'], 'upgrade', 'head')

        then:
        classes.exitCode == 0
        compilerClassesLoaded(classes.out) == []
        classes.out.contains('Retort_revision_aaaaaaaaaaaa source: __JVM_DefineClass__')
        classes.out.contains('retort_revision_bbbbbbbbbbbb source: __JVM_DefineClass__')
        project.cacheEntries().size() == 3
    }

    /** What the scripts recorded, kept beside their classes: without it a run loads the classes (what these specs test). */
    static void deleteRecordings(TempProject project) {
        Files.walk(project.cache).withCloseable { s -> s.filter { it.toString().endsWith('.ops') }.toList() }.each { Files.delete(it) }
    }

    def "a #language hit runs the cached classes without compiling the script"() {
        given: 'two scripts compiled into the cache'
        def project = new TempProject(dir)
        def first = project.write("first$extension", one)
        project.write("second$extension", two)
        def sources = VersionScanner.scan([project.versions], false)
        RevisionLoader.standard(project.cache).loadAll(sources)
        def entries = project.cacheEntries()

        and: "the first script's entry replaced by the second's (a valid entry, wrong content)"
        def cache = new ScriptCompileCache(project.cache)
        String firstKey = entries.collect { it.fileName.toString() - '.classes' }.find {
            cache.read(it).get().mainClass().toLowerCase().contains('1111')
        }
        String secondKey = entries.collect { it.fileName.toString() - '.classes' }.find { it != firstKey }
        Files.copy(cache.entry(secondKey), cache.entry(firstKey), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        deleteRecordings(project)

        when:
        def loaded = RevisionLoader.standard(project.cache).load(sources.find { it.file() == first })

        then: 'the swapped-in classes ran: the cache was trusted and the compiler not asked'
        entries.size() == 2
        (loaded.upgrade()[0] as CreateTable).name() == 'from_second'

        where:
        language | extension | one                                                                                  | two
        'Groovy' | '.groovy' | "revision '111111111111'\nupgrade { createTable('from_first') { column 'id', integer } }$COMPILED" | "revision '222222222222'\nupgrade { createTable('from_second') { column 'id', integer } }$COMPILED"
        'Kotlin' | '.kts'    | 'revision("111111111111")\nupgrade { createTable("from_first") { column("id", integer) } }' + COMPILED_KOTLIN | 'revision("222222222222")\nupgrade { createTable("from_second") { column("id", integer) } }' + COMPILED_KOTLIN
    }

    def "changing a #language script's text misses the cache and compiles the new text"() {
        given:
        def project = new TempProject(dir)
        def file = project.write("r$extension", before)

        when:
        def first = RevisionLoader.standard(project.cache).loadAll(VersionScanner.scan([project.versions], false))[0]
        Files.writeString(file, after)
        def second = RevisionLoader.standard(project.cache).loadAll(VersionScanner.scan([project.versions], false))[0]

        then:
        (first.upgrade()[0] as CreateTable).columns()*.name() == ['a']
        (second.upgrade()[0] as CreateTable).columns()*.name() == ['a', 'b']
        project.cacheEntries().size() == 2

        where:
        language | extension | before                                                                        | after
        'Groovy' | '.groovy' | "revision 'r1'\nupgrade { createTable('t') { column 'a', integer } }$COMPILED" | "revision 'r1'\nupgrade { createTable('t') { column 'a', integer; column 'b', text } }$COMPILED"
        'Kotlin' | '.kts'    | 'revision("r1")\nupgrade { createTable("t") { column("a", integer) } }' + COMPILED_KOTLIN | 'revision("r1")\nupgrade { createTable("t") { column("a", integer); column("b", text) } }' + COMPILED_KOTLIN
    }

    def "a #damage #language entry is recompiled, never trusted"() {
        given:
        def project = new TempProject(dir)
        project.write("r$extension", text)
        def sources = VersionScanner.scan([project.versions], false)
        RevisionLoader.standard(project.cache).loadAll(sources)
        Path entry = project.cacheEntries()[0]
        byte[] good = Files.readAllBytes(entry)
        Files.write(entry, corrupt(good))
        deleteRecordings(project)

        when:
        def loaded = RevisionLoader.standard(project.cache).loadAll(sources)[0]

        then:
        (loaded.upgrade()[0] as CreateTable).name() == 't'
        project.cacheEntries() == [entry]
        ScriptCompileCache.decode(Files.readAllBytes(entry)).mainClass() == ScriptCompileCache.decode(good).mainClass()

        where:
        [language, extension, text, damage, corrupt] << [
            [['Groovy', '.groovy', "revision 'r1'\nupgrade { createTable('t') { column 'a', integer } }$COMPILED"],
             ['Kotlin', '.kts', 'revision("r1")\nupgrade { createTable("t") { column("a", integer) } }' + COMPILED_KOTLIN]],
            [['truncated', { byte[] b -> Arrays.copyOf(b, b.length.intdiv(2)) }],
             ['bit-flipped', { byte[] b -> byte[] c = b.clone(); c[c.length.intdiv(2)] ^= 0x10; c }],
             ['empty', { byte[] b -> new byte[0] }],
             ['garbage', { byte[] b -> 'not a class file at all'.bytes }]]
        ].combinations().collect { pair -> pair[0] + pair[1] }
    }

    def "concurrent writers of one entry never expose a partial file to readers"() {
        given:
        def cache = new ScriptCompileCache(dir)
        def key = ScriptCompileCache.key('concurrent')
        def bad = new CopyOnWriteArrayList<Throwable>()
        def seen = new CopyOnWriteArrayList<Integer>()
        def entries = (1..4).collect { n -> new CompiledScriptClasses('C', [C: new byte[n * 200_000]]) }

        when:
        def writers = entries.collect { e -> Thread.start { 25.times { cache.write(key, e) } } }
        def readers = (1..2).collect {
            Thread.start {
                while (writers.any { it.alive }) {
                    try {
                        if (Files.exists(cache.entry(key))) seen << ScriptCompileCache.decode(Files.readAllBytes(cache.entry(key))).classes().C.length
                    } catch (java.nio.file.NoSuchFileException ignored) {
                    } catch (Throwable t) { bad << t }
                }
            }
        }
        (writers + readers)*.join()

        then:
        bad.isEmpty()
        !seen.isEmpty()
        seen.every { it in [200_000, 400_000, 600_000, 800_000] }
        Files.list(cache.entry(key).parent).withCloseable { it.toList() } == [cache.entry(key)]
    }
}
