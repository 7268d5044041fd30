package dev.retort.testing

import java.nio.file.Files
import java.nio.file.Path

/** A throw-away project folder with a retort.ini on an H2 file database and a versions/ folder. */
final class TempProject {
    final Path dir
    final Path versions
    final Path ini

    TempProject(Path dir, String url = null) {
        this.dir = dir
        this.versions = Files.createDirectories(dir.resolve('versions'))
        this.ini = dir.resolve('retort.ini')
        ini.text = """[retort]
version_locations = versions
url = ${url ?: 'jdbc:h2:file:${here}/.retort/test'}
user = sa
"""
    }

    /** Writes a Groovy revision file named after its id. */
    Path revision(String id, String body, String name = null) {
        def file = versions.resolve((name ?: id) + '.groovy')
        file.text = body.stripIndent().trim() + '\n'
        file
    }

    CliRun run(String... args) { CliRun.of(['-c', ini.toString()] + (args as List)) }
}
