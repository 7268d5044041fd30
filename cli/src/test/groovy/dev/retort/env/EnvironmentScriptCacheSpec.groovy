package dev.retort.env

import dev.retort.dsl.env.MigrationStep
import dev.retort.internal.script.EnvironmentScript
import dev.retort.internal.script.ScriptCompileCache
import dev.retort.internal.script.ScriptException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import spock.lang.Specification
import spock.lang.TempDir

/** The environment script goes through the compile cache like a revision: an unchanged script is loaded, not compiled. */
class EnvironmentScriptCacheSpec extends Specification {
    @TempDir Path dir

    static final MigrationStep STEP = new MigrationStep('6000ffff0001', MigrationStep.UPGRADE, 'm', Path.of('versions/x.groovy'))

    Path script(String folder, String name, String text) {
        Files.writeString(Files.createDirectories(dir.resolve(folder)).resolve(name), text)
    }

    String thrownBy(Path file, ScriptCompileCache cache) {
        try {
            EnvironmentScript.run(file, 'retort', cache).beforeEach(STEP)
            return null
        } catch (ScriptException e) {
            return e.message
        }
    }

    List<Path> entries(Path cacheDir) {
        Files.walk(cacheDir).withCloseable { s -> s.filter { it.toString().endsWith('.classes') }.sorted().toList() }
    }

    def "an unchanged #name is loaded from the cache: a swapped-in entry runs instead of the script's text"() {
        given: 'two environment scripts compiled into one cache'
        def cacheDir = dir.resolve('cache')
        def cache = new ScriptCompileCache(cacheDir)
        Path first = script('a', name, textOf('first'))
        Path second = script('b', name, textOf('second'))
        assert thrownBy(first, cache).contains('from first')
        def firstEntries = entries(cacheDir)
        assert thrownBy(second, cache).contains('from second')
        Path firstEntry = firstEntries[0]
        Path secondEntry = (entries(cacheDir) - firstEntries)[0]

        when: "the first script's entry is replaced by the second's"
        Files.copy(secondEntry, firstEntry, StandardCopyOption.REPLACE_EXISTING)

        then: 'the first script now runs the cached classes, so it was not compiled again'
        firstEntries.size() == 1
        thrownBy(first, cache).contains('from second')

        when: 'its text changes'
        Files.writeString(first, textOf('edited'))

        then: 'the cache misses and the new text is compiled'
        thrownBy(first, cache).contains('from edited')
        entries(cacheDir).size() == 3

        where:
        name         | textOf
        'env.groovy' | { String s -> "beforeEach { step -> throw new IllegalStateException('from $s') }\n" }
        'env.kts'    | { String s -> "beforeEach { step -> throw IllegalStateException(\"from $s\") }\n" }
    }
}
