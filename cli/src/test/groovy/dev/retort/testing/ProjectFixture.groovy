package dev.retort.testing

import dev.retort.cli.RetortCli
import java.nio.file.Files
import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager

/**
 * A throwaway Retort project on disk (retort.ini and versions/) pointed at a database, run through the real CLI
 * either in this JVM or as a separate launcher process.
 */
final class ProjectFixture {
    final Path dir
    final String url

    ProjectFixture(Path dir, String url, Map<String, String> settings = [:]) {
        this.dir = dir
        this.url = url
        Files.createDirectories(dir.resolve('versions'))
        def ini = new StringBuilder("[retort]\nversion_locations = versions\nurl = ${url}\n")
        settings.each { k, v -> ini.append("$k = $v\n") }
        Files.writeString(dir.resolve('retort.ini'), ini.toString())
    }

    /** Writes versions/NNNN_<rev>.groovy with a header and the given body; returns the file. */
    Path revision(String rev, String parent, String body, String fileName = null) {
        Path file = dir.resolve('versions').resolve(fileName ?: "${rev}.groovy")
        String header = "revision '$rev'\n" + (parent ? "revises '$parent'\n" : '') + "message 'revision $rev'\n\n"
        Files.writeString(file, header + body.stripIndent())
        return file
    }

    /** Runs the CLI in this JVM; returns [exit code, stdout, stderr]. */
    Map run(String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        List<String> all = ['-c', dir.resolve('retort.ini').toString()] + args.toList()
        int code = RetortCli.run(all as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [:])
        return [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    /** Starts the launcher as a separate JVM (the test classpath holds everything it needs); output goes to a file. */
    Process launch(Path output, String... args) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        List<String> command = [java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m', '-cp', System.getProperty('java.class.path'),
                                'dev.retort.cli.RetortCli', '-c', dir.resolve('retort.ini').toString()] + args.toList()
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start()
    }

    Connection connect() { DriverManager.getConnection(url) }

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
