package dev.retort.cli

import java.nio.file.Files
import java.nio.file.Path
import java.util.zip.ZipFile
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The archive that 'mvn package' builds, unpacked into a temporary folder and used as a user would: bin on PATH (directly
 * and through a symlink), commands run from folders other than the archive's. Runs after package (failsafe).
 */
class DistributionArchiveIT extends Specification {
    @Shared @TempDir Path shared
    @Shared Path home
    @TempDir Path dir

    static final String VERSION = System.getProperty('retort.version')

    def setupSpec() {
        Path archive = Path.of(System.getProperty('retort.distribution'))
        assert Files.isRegularFile(archive): "no distribution archive at $archive: run 'mvn package' first"
        def tar = new ProcessBuilder('tar', 'xzf', archive.toString(), '-C', shared.toString()).redirectErrorStream(true).start()
        assert tar.waitFor() == 0: tar.inputStream.text
        home = shared.resolve("retort-$VERSION")
    }

    /** Runs a shell command line in {@code cwd} with the archive's bin (or {@code pathDir}) first on PATH: [code, out, err]. */
    Map sh(Path cwd, String commandLine, Map<String, String> env = [:], Path pathDir = home.resolve('bin')) {
        def builder = new ProcessBuilder('bash', '-c', commandLine).directory(cwd.toFile())
        builder.environment().put('PATH', pathDir.toString() + File.pathSeparator + System.getenv('PATH'))
        builder.environment().put('XDG_CACHE_HOME', dir.resolve('cache').toString())
        builder.environment().putAll(env)
        def process = builder.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        process.consumeProcessOutput(out, err)
        int code = process.waitFor()
        process.waitForProcessOutput()
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "the archive holds the launchers, lib, an empty drivers folder with its note, README and LICENSE; the zip holds the same"() {
        given:
        // Files only: the zip format leaves folder entries out where the tar has them.
        def tarEntries = new ProcessBuilder('tar', 'tzf', System.getProperty('retort.distribution')).start().inputStream.text.readLines()
                .findAll { !it.endsWith('/') }.toSet()
        def zipEntries = new ZipFile(System.getProperty('retort.distribution').replace('.tar.gz', '.zip')).withCloseable { z ->
            z.entries().toList()*.name.findAll { !it.endsWith('/') }.toSet()
        }
        def lib = Files.list(home.resolve('lib')).withCloseable { s -> s.map { it.fileName.toString() }.toList() }

        expect:
        Files.isExecutable(home.resolve('bin/retort'))
        Files.isRegularFile(home.resolve('bin/retort.cmd'))
        home.resolve('bin/retort.cmd').text.contains('\r\n')
        Files.list(home.resolve('drivers')).withCloseable { it.toList() }*.fileName*.toString() == ['README.txt']
        home.resolve('drivers/README.txt').text.contains('JDBC driver jar dropped into this folder is on')
        home.resolve('LICENSE').text.contains('Apache License') && home.resolve('LICENSE').text.contains('Version 2.0, January 2004')
        home.resolve('README.md').text.startsWith('# Retort')
        ["retort-cli-${VERSION}.jar", "retort-runtime-${VERSION}.jar", "retort-kotlin-${VERSION}.jar"]*.toString().every { it in lib }
        ['h2-', 'postgresql-', 'mariadb-java-client-', 'sqlite-jdbc-', 'picocli-'].every { prefix -> lib.any { it.startsWith(prefix) } }
        tarEntries == zipEntries
    }

    def "unpacked anywhere with bin on PATH, a new project is created, revised, upgraded and read from other folders"() {
        when:
        def init = sh(dir, 'retort init app')
        def revision = sh(dir.resolve('app'), 'retort revision -m "first table"')
        def kotlin = sh(dir.resolve('app'), 'retort revision --language kotlin -m "second table"')
        def upgrade = sh(dir.resolve('app'), 'retort upgrade head')
        Files.createDirectories(dir.resolve('elsewhere'))
        def current = sh(dir.resolve('elsewhere'), 'retort -c ../app/retort.ini current')

        then:
        init.code == 0
        init.out.startsWith("Created ${dir.resolve('app')} from template 'groovy'")
        revision.code == 0
        kotlin.code == 0
        upgrade.code == 0
        upgrade.err == ''
        upgrade.out.readLines().size() == 2
        upgrade.out.readLines()[0] ==~ /Running upgrade  -> [0-9a-f]{12}, first table/
        upgrade.out.readLines()[1] ==~ /Running upgrade [0-9a-f]{12} -> [0-9a-f]{12}, second table/
        current.code == 0
        current.out == upgrade.out.readLines()[1].replaceAll(/.* -> ([0-9a-f]{12}),.*/, '$1') + ' (head)\n'
    }

    def "--version prints the project version, also through a symlink to bin/retort"() {
        given:
        Path links = Files.createDirectories(dir.resolve('links'))
        Files.createSymbolicLink(links.resolve('retort'), home.resolve('bin/retort'))

        when:
        def direct = sh(dir, 'retort --version')
        def linked = sh(dir, 'retort --version', [:], links)

        then:
        direct.code == 0
        direct.out == "retort $VERSION\n"
        linked.code == 0
        linked.out == "retort $VERSION\n"
        linked.err == ''
    }

    def "the first run records a class-data archive in the user's cache; an unwritable cache is skipped silently"() {
        when:
        def first = sh(dir, 'retort --version')

        then:
        first.code == 0
        Files.list(dir.resolve("cache/retort/$VERSION")).withCloseable { it.toList() }*.fileName*.toString().every { it ==~ /retort-\d+\.jsa/ }
        Files.list(dir.resolve("cache/retort/$VERSION")).withCloseable { it.count() } == 1

        when:
        def unwritable = sh(dir, 'retort --version', [XDG_CACHE_HOME: home.resolve('LICENSE').resolve('cache').toString()])

        then:
        unwritable.code == 0
        unwritable.out == "retort $VERSION\n"
        unwritable.err == ''
    }

    def "a failing command keeps the launcher's exit code and prints one paragraph"() {
        when:
        def run = sh(dir, 'retort current')

        then:
        run.code == 1
        run.err.startsWith("error: no configuration file ${dir.resolve('retort.ini')}")
        !run.err.contains('\tat ')
    }
}
