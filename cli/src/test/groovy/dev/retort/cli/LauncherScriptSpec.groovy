package dev.retort.cli

import dev.retort.testing.CliRun
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The distribution's bin/retort, checked without building the archive: laid out in a throw-away home with a stand-in
 * java that records how it was called. (DistributionArchiveIT runs the real archive after package.)
 */
class LauncherScriptSpec extends Specification {
    @TempDir Path dir
    Path home
    Path calls

    def setup() {
        home = dir.resolve('opt/retort-1.2.3')
        Files.createDirectories(home.resolve('bin'))
        Files.copy(Path.of('src/dist/bin/retort'), home.resolve('bin/retort'))
        executable(home.resolve('bin/retort'))
        ['lib/groovy-4.0.27.jar', 'lib/retort-cli-1.2.3.jar', 'lib/retort-runtime-1.2.3.jar', 'drivers/ojdbc11.jar'].each {
            Files.createDirectories(home.resolve(it).parent)
            Files.write(home.resolve(it), new byte[0])
        }
        Files.writeString(Files.createDirectories(home.resolve('drivers')).resolve('README.txt'), 'not a jar\n')
        calls = dir.resolve('calls.txt')
        Path java = Files.createDirectories(dir.resolve('jdk/bin')).resolve('java')
        // Records each call's arguments, one per line; a recording run (DumpLoadedClassList) writes no class list.
        java.text = "#!/usr/bin/env bash\nprintf '%s\\n' \"\$@\" >> '${calls}'\necho '--'  >> '${calls}'\nexit 3\n"
        executable(java)
    }

    static void executable(Path file) { Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x')) }

    Map run(Path script, List<String> args, Map<String, String> env = [:]) {
        def builder = new ProcessBuilder(['bash', script.toString()] + args).directory(dir.toFile())
        builder.environment().put('JAVA_HOME', dir.resolve('jdk').toString())
        builder.environment().put('XDG_CACHE_HOME', dir.resolve('cache').toString())
        builder.environment().putAll(env)
        def process = builder.start()
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        process.consumeProcessOutput(out, err)
        int code = process.waitFor()
        process.waitForProcessOutput()
        [code: code, out: out.toString(), err: err.toString(), calls: Files.exists(calls) ? calls.text.split('--\n').toList()*.readLines() : []]
    }

    def "through a chain of symlinks it finds its home, puts lib then drivers on the classpath and passes arguments intact"() {
        given:
        Path links = Files.createDirectories(dir.resolve('links'))
        Files.createSymbolicLink(links.resolve('step'), home.resolve('bin/retort'))
        Files.createSymbolicLink(links.resolve('retort'), Path.of('step'))

        when:
        def run = run(links.resolve('retort'), ['-c', 'my project/retort.ini', 'upgrade', 'head'], [RETORT_CDS: 'off'])

        then: "the stand-in java's exit code comes back, and it was called once"
        run.code == 3
        run.calls.size() == 1
        def call = run.calls[0]
        int main = call.indexOf('dev.retort.cli.RetortCli')
        call.subList(main, call.size()) == ['dev.retort.cli.RetortCli', '-c', 'my project/retort.ini', 'upgrade', 'head']
        call[main - 2] == '-cp'
        call[main - 1].split(':').toList() == ['lib/groovy-4.0.27.jar', 'lib/retort-cli-1.2.3.jar', 'lib/retort-runtime-1.2.3.jar',
                                              'drivers/ojdbc11.jar'].collect { home.resolve(it).toRealPath().toString() }
        call.containsAll(['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'])
        !call.any { it.startsWith('-XX:SharedArchiveFile') }
    }

    def "the class-data archive is recorded under the user's cache, named after the version; a failed recording is skipped"() {
        when:
        def run = run(home.resolve('bin/retort'), ['--version'])

        then: 'a recording run, then the real one without an archive, since the stand-in wrote none'
        run.code == 3
        run.calls.size() == 2
        run.calls[0].any { it ==~ /-XX:DumpLoadedClassList=.*\/cache\/retort\/1\.2\.3\/retort-\d+\.jsa\.\d+\.lst/ }
        run.calls[0].takeRight(4) == ['-q', '-c', run.calls[0][-2], 'history']
        !run.calls[1].any { it.startsWith('-XX:SharedArchiveFile') }
        run.calls[1].takeRight(2) == ['dev.retort.cli.RetortCli', '--version']
        Files.isDirectory(dir.resolve('cache/retort/1.2.3'))
        Files.list(dir.resolve('cache/retort/1.2.3')).withCloseable { it.count() } == 0
        run.err == ''
    }

    def "an archive that exists is used, and an unwritable cache only skips it"() {
        given:
        Files.createDirectories(dir.resolve('cache/retort/1.2.3'))
        run(home.resolve('bin/retort'), ['--version'])
        String recorded = calls.text.readLines().find { it.startsWith('-XX:DumpLoadedClassList=') } - '-XX:DumpLoadedClassList=' - ~/\.\d+\.lst$/
        Files.write(Path.of(recorded), new byte[0])
        Files.delete(calls)

        when:
        def cached = run(home.resolve('bin/retort'), ['--version'])
        Files.delete(calls)
        def unwritable = run(home.resolve('bin/retort'), ['--version'], [XDG_CACHE_HOME: home.resolve('bin/retort').resolve('x').toString()])

        then:
        cached.calls.size() == 1
        cached.calls[0].contains("-XX:SharedArchiveFile=$recorded".toString())
        unwritable.calls.size() == 1
        !unwritable.calls[0].any { it.contains('SharedArchiveFile') || it.contains('DumpLoadedClassList') }
        unwritable.err == ''
    }

    def "without java it says what to install"() {
        given: 'a PATH with the tools the script needs before it looks for java, and no java'
        Path tools = Files.createDirectories(dir.resolve('tools'))
        ['dirname', 'readlink'].each { Files.createSymbolicLink(tools.resolve(it), Path.of("/usr/bin/$it")) }

        when:
        def run = run(home.resolve('bin/retort'), ['--version'], [JAVA_HOME: dir.resolve('nowhere').toString(), PATH: tools.toString()])

        then:
        run.code == 1
        run.err.trim() == 'retort: no java command found; install Java 17 or later, or set JAVA_HOME to one'
    }

    def "--version prints the version of this build"() {
        expect:
        CliRun.of(['--version']).out == "retort ${System.getProperty('retort.version')}\n"
        System.getProperty('retort.version') ==~ /\d+\.\d+\.\d+.*/
    }
}
