package dev.retort.testing

import dev.retort.cli.RetortCli
import java.nio.file.Files
import java.nio.file.Path

/**
 * A throw-away project for script specs: retort.ini on an H2 file database, versions/ with Groovy or Kotlin
 * revisions, and a compile cache of its own. Runs the CLI in-process or in a fresh JVM.
 */
final class ScriptProject {
    final Path dir
    final Path versions
    final Path ini
    final Path cache

    ScriptProject(Path dir, String url = null) {
        this.dir = dir
        this.versions = Files.createDirectories(dir.resolve('versions'))
        this.ini = dir.resolve('retort.ini')
        this.cache = dir.resolve('.retort/cache')
        Files.writeString(ini, """[retort]
version_locations = versions
url = ${url ?: 'jdbc:h2:file:${here}/.retort/db'}
user = sa
""")
    }

    /** Writes a revision script; the extension (.groovy or .kts) says its language. */
    Path write(String fileName, String text) {
        Path file = versions.resolve(fileName)
        Files.writeString(file, text.stripIndent().trim() + '\n')
        file
    }

    /** The compile cache's entry files. */
    List<Path> cacheEntries() {
        if (!Files.isDirectory(cache)) return []
        Files.walk(cache).withCloseable { s -> s.filter { it.toString().endsWith('.classes') }.sorted().toList() }
    }

    /** One CLI run in this JVM against this project: [code, out, err]. */
    Map run(String... args) { cli((['-c', ini.toString()] + (args as List)) as String[]) }

    /** One CLI run in this JVM with exactly these arguments: [code, out, err]. */
    static Map cli(String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = RetortCli.run(args,
                new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [:])
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    /** One CLI run in a fresh JVM on this JVM's classpath, with extra JVM options: [code, out] (stderr merged). */
    Map runInFreshJvm(List<String> jvmOptions, String... args) {
        def command = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()] + jvmOptions +
                ['-cp', System.getProperty('java.class.path'), RetortCli.name, '-c', ini.toString()] + (args as List)
        def process = new ProcessBuilder(command).redirectErrorStream(true).start()
        String out = process.inputStream.getText('UTF-8')
        [code: process.waitFor(), out: out]
    }
}
