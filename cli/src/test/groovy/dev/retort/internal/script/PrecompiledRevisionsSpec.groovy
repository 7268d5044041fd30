package dev.retort.internal.script

import dev.retort.testing.TempProject
import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.ZipFile
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Revisions compiled with 'retort compile' travel with the scripts: a run that finds them compiles nothing, an edited
 * script is compiled again (never run stale), and precompiled Kotlin revisions run without the Kotlin compiler.
 */
class PrecompiledRevisionsSpec extends Specification {
    @TempDir Path dir

    static final String GROOVY_MIDDLE = CompileCacheSpec.GROOVY_MIDDLE

    TempProject threeRevisions() {
        def project = new TempProject(dir)
        project.write('a.kts', CompileCacheSpec.KOTLIN_ROOT)
        project.write('b.groovy', GROOVY_MIDDLE)
        project.write('c.kts', CompileCacheSpec.KOTLIN_HEAD)
        project
    }

    /** Groovy's compiler (its compilation unit) in a -verbose:class log; running compiled scripts does not need it. */
    static List<String> groovyCompilerLoaded(String verboseLog) {
        verboseLog.readLines().findAll { it =~ /\[class,load\] org\.codehaus\.groovy\.control\.CompilationUnit / }
    }

    static List<String> entriesOf(Path jar) {
        new ZipFile(jar.toFile()).withCloseable { zip -> zip.entries().toList()*.name.findAll { it.endsWith('.classes') }.sort() }
    }

    def "compile writes one entry per revision, both languages, under META-INF/retort/compiled in a jar or a folder"() {
        given:
        def project = threeRevisions()

        when:
        def toJar = project.run('compile', '-o', dir.resolve('out/revisions.jar').toString())
        def toFolder = project.run('compile', '-o', dir.resolve('classes').toString())

        then:
        toJar.exitCode == 0
        toJar.out == "Compiled 3 revisions into ${dir.resolve('out/revisions.jar')}\n"
        entriesOf(dir.resolve('out/revisions.jar')).size() == 3
        entriesOf(dir.resolve('out/revisions.jar')).every { it ==~ /META-INF\/retort\/compiled\/[0-9a-f]{2}\/[0-9a-f]{64}\.classes/ }
        toFolder.exitCode == 0
        Files.walk(dir.resolve('classes/META-INF/retort/compiled')).withCloseable { s ->
            s.filter { it.toString().endsWith('.classes') }.map { dir.resolve('classes').relativize(it).toString() }.sorted().toList()
        } == entriesOf(dir.resolve('out/revisions.jar'))
    }

    def "compile without -o and without compiled_revisions is bad usage"() {
        when:
        def run = threeRevisions().run('compile')

        then:
        run.exitCode == 2
        run.err.contains('give -o DIR or -o FILE.jar, or set compiled_revisions')
    }

    def "a run from precompiled revisions compiles nothing: no compiler class loads and the cache stays empty"() {
        given:
        def project = threeRevisions()
        project.run('compile', '-o', dir.resolve('revisions.jar').toString())
        project.cache.toFile().deleteDir()
        project.configure(compiled_revisions: 'revisions.jar')

        when:
        def run = project.runInFreshJvm(['-verbose:class'], 'upgrade', 'head')

        then:
        run.exitCode == 0
        run.out.readLines().findAll { it.startsWith('Running upgrade') } == [
                'Running upgrade  -> aaaaaaaaaaaa, create usuarios',
                'Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb, create produtos',
                'Running upgrade bbbbbbbbbbbb -> cccccccccccc, add email']
        CompileCacheSpec.compilerClassesLoaded(run.out) == []
        groovyCompilerLoaded(run.out) == []
        run.out.contains('retort_revision_bbbbbbbbbbbb source: __JVM_DefineClass__')
        run.out.contains('Retort_revision_aaaaaaaaaaaa source: __JVM_DefineClass__')
        project.cacheEntries() == []
    }

    def "the same run without the precompiled revisions does load the compilers, so their absence above means something"() {
        given:
        def project = threeRevisions()

        when:
        def run = project.runInFreshJvm(['-verbose:class'], 'upgrade', 'head')

        then:
        run.exitCode == 0
        !CompileCacheSpec.compilerClassesLoaded(run.out).isEmpty()
        !groovyCompilerLoaded(run.out).isEmpty()
        project.cacheEntries().size() == 3
    }

    def "a script edited after compiling is compiled again and its new text runs, with or without a writable cache"() {
        given:
        def project = threeRevisions()
        project.run('compile', '-o', dir.resolve('revisions.jar').toString())
        project.cache.toFile().deleteDir()
        project.write('b.groovy', GROOVY_MIDDLE.replace("createTable('produtos')", "createTable('produtos_v2')"))
        project.configure(writableCache ? [compiled_revisions: 'revisions.jar'] : [compiled_revisions: 'revisions.jar', cache_dir: 'retort.ini/cache'])

        when:
        def run = project.run('upgrade', 'head', '--sql', '--dialect', 'postgresql')

        then:
        run.exitCode == 0
        run.out.contains('CREATE TABLE produtos_v2')
        !run.out.contains('CREATE TABLE produtos ')
        run.out.contains('CREATE TABLE usuarios')
        project.cacheEntries().size() == (writableCache ? 1 : 0)

        where:
        writableCache << [true, false]
    }

    def "without retort-kotlin on the classpath a precompiled .kts revision runs, and one not precompiled names the artifact"() {
        given: 'a classpath without retort-kotlin and the Kotlin compiler, plus the compiled revisions as a jar on it'
        def project = new TempProject(dir)
        project.write('a.kts', CompileCacheSpec.KOTLIN_ROOT)
        project.write('b.groovy', GROOVY_MIDDLE)
        assert project.run('compile', '-o', dir.resolve('revisions.jar').toString()).exitCode == 0
        project.cache.toFile().deleteDir()
        def classpath = System.getProperty('java.class.path').split(File.pathSeparator).findAll { entry ->
            !(entry =~ /retort-kotlin|[\/\\]kotlin[\/\\]target[\/\\]classes|kotlin-compiler-embeddable|kotlin-scripting-jvm-host|kotlin-scripting-compiler/)
        } + [dir.resolve('revisions.jar').toString()]

        when:
        def precompiled = runWithClasspath(project, classpath, 'upgrade', 'head')

        then:
        precompiled.code == 0
        precompiled.out.readLines().findAll { it.startsWith('Running upgrade') } == [
                'Running upgrade  -> aaaaaaaaaaaa, create usuarios',
                'Running upgrade aaaaaaaaaaaa -> bbbbbbbbbbbb, create produtos']

        when: 'a Kotlin revision that was not compiled'
        project.write('c.kts', CompileCacheSpec.KOTLIN_HEAD)
        def missing = runWithClasspath(project, classpath, 'upgrade', 'head')

        then:
        missing.code == 1
        missing.out.contains('c.kts')
        missing.out.contains('no Kotlin compiler is on the classpath')
        missing.out.contains('add dev.retort:retort-kotlin')
        !missing.out.contains('\tat ')
    }

    private static Map runWithClasspath(TempProject project, List<String> classpath, String... args) {
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-cp', classpath.join(File.pathSeparator),
                       'dev.retort.cli.RetortCli', '-c', project.ini.toString()] + (args as List)
        def process = new ProcessBuilder(command).redirectErrorStream(true).start()
        String out = process.inputStream.getText('UTF-8')
        [code: process.waitFor(), out: out]
    }
}
