package dev.retort.testing

import dev.retort.cli.RetortCli
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * A throw-away Retort project for specs: a retort.ini (an H2 file database unless a URL is given), versions/ with
 * Groovy or Kotlin revisions, an optional model, run through the real CLI in this JVM or as a separate launcher.
 */
final class TempProject {
    /** The H2 database of a project made without a URL; {@code ${here}} is the project folder. */
    static final String DEFAULT_URL = 'jdbc:h2:file:${here}/.retort/test'

    final Path dir
    final Path versions
    final Path ini
    /** The compile cache Retort keeps beside retort.ini. */
    final Path cache
    /** The keys of retort.ini's [retort] section, in the order they are written. */
    private final Map<String, String> settings = new LinkedHashMap<>()

    /**
     * @param url the project's JDBC URL; without one an H2 file database under .retort/ with user sa
     * @param settings more [retort] keys (user, password, language, lock_timeout, version_locations, …)
     */
    TempProject(Path dir, String url = null, Map<String, ?> settings = [:]) {
        this.dir = dir
        this.versions = Files.createDirectories(dir.resolve('versions'))
        this.ini = dir.resolve('retort.ini')
        this.cache = dir.resolve('.retort/cache')
        this.settings.version_locations = 'versions'
        this.settings.url = url ?: DEFAULT_URL
        if (!url) this.settings.user = 'sa'
        configure(settings)
    }

    /** Adds or changes [retort] keys and rewrites retort.ini. */
    TempProject configure(Map<String, ?> more) {
        more.each { key, value -> settings[key] = String.valueOf(value) }
        Files.writeString(ini, '[retort]\n' + settings.collect { key, value -> "$key = $value\n" }.join(''))
        this
    }

    /** The JDBC URL with {@code ${here}} resolved, as the specs connect to it. */
    String getUrl() { settings.url.replace('${here}', dir.toString()) }

    /** Writes a Groovy revision file named after its id (or {@code name}); the text is the whole file, header included. */
    Path revision(String id, String body, String name = null) {
        write((name ?: id) + '.groovy', body)
    }

    /**
     * Writes versions/{@code id}.groovy (or {@code fileName}: a {@code .kts} name gets a Kotlin header) with a
     * generated four-line header (revision, revises, message 'revision ID', a blank line) before {@code body}.
     */
    Path revisionWithHeader(String id, String parent, String body, String fileName = null) {
        String name = fileName ?: "${id}.groovy"
        boolean kotlin = name.endsWith('.kts')
        String header = kotlin
                ? "revision(\"$id\")\n" + (parent ? "revises(\"$parent\")\n" : '') + "message(\"revision $id\")\n\n"
                : "revision '$id'\n" + (parent ? "revises '$parent'\n" : '') + "message 'revision $id'\n\n"
        Path file = versions.resolve(name)
        Files.writeString(file, header + body.stripIndent())
        file
    }

    /** Writes a file in versions/ as given (indentation stripped); its extension (.groovy or .kts) says its language. */
    Path write(String fileName, String text) {
        Path file = versions.resolve(fileName)
        Files.writeString(file, text.stripIndent().trim() + '\n')
        file
    }

    /**
     * Writes the target model for autogenerate exactly as given, and points retort.ini's {@code model} at it: the
     * file already named there, else model.kts when the project's language is kotlin, else model.groovy.
     */
    Path model(String text) {
        String name = settings.model ?: (settings.language == 'kotlin' ? 'model.kts' : 'model.groovy')
        if (settings.model != name) configure(model: name)
        Path file = dir.resolve(name)
        Files.writeString(file, text)
        file
    }

    /** The text of the first revision file whose name contains {@code slug}, without its "// Created" line. */
    String revisionText(String slug) {
        Path file = Files.list(versions).withCloseable { s -> s.filter { it.fileName.toString().contains(slug) }.findFirst().orElseThrow() }
        Files.readString(file).readLines().findAll { !it.startsWith('// Created ') }.join('\n').stripTrailing() + '\n'
    }

    /** The compile cache's entry files, sorted. */
    List<Path> cacheEntries() {
        if (!Files.isDirectory(cache)) return []
        Files.walk(cache).withCloseable { s -> s.filter { it.toString().endsWith('.classes') }.sorted().toList() }
    }

    /** One CLI run in this JVM against this project. */
    CliRun run(String... args) { CliRun.of(['-c', ini.toString()] + (args as List)) }

    /** One CLI run in a fresh JVM on this JVM's class path, with extra JVM options; its stderr is merged into {@code out}. */
    CliRun runInFreshJvm(List<String> jvmOptions, String... args) {
        Process process = new ProcessBuilder(javaCommand(jvmOptions, args)).redirectErrorStream(true).start()
        String out = process.inputStream.getText('UTF-8')
        new CliRun(process.waitFor(), out, '')
    }

    /** Starts the launcher as a separate JVM that runs on its own; its output (stdout and stderr) goes to a file. */
    Process launch(Path output, String... args) {
        new ProcessBuilder(javaCommand(['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m'], args))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start()
    }

    private List<String> javaCommand(List<String> jvmOptions, String... args) {
        [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()] + jvmOptions +
                ['-cp', System.getProperty('java.class.path'), RetortCli.name, '-c', ini.toString()] + (args as List)
    }

    /** A new connection to the project's database, as the project's user. */
    Connection connect() {
        def properties = new Properties()
        if (settings.user) properties.user = settings.user
        if (settings.password) properties.password = settings.password
        DriverManager.getConnection(url, properties)
    }

    /** Rows of a query as lists of strings, for comparing database states. */
    List<List<String>> rows(String sql) {
        Connection c = connect()
        try {
            def rs = c.createStatement().executeQuery(sql)
            int n = rs.metaData.columnCount
            List<List<String>> out = []
            while (rs.next()) out << (1..n).collect { rs.getString(it) }
            return out
        } finally { c.close() }
    }
}
