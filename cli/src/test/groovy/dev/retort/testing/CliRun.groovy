package dev.retort.testing

import dev.retort.cli.RetortCli
import groovy.transform.PackageScope

/** One run of the retort command line (in this JVM, or in a fresh one through {@link TempProject}), with what it printed. */
final class CliRun {
    final int exitCode
    final String out
    final String err

    @PackageScope CliRun(int exitCode, String out, String err) { this.exitCode = exitCode; this.out = out; this.err = err }

    static CliRun of(List<String> args, Map<String, String> env = [:]) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = RetortCli.run(args as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env)
        new CliRun(code, out.toString('UTF-8'), err.toString('UTF-8'))
    }

    List<String> lines() { out.readLines() }

    String toString() { "exit $exitCode\n--- out\n$out--- err\n$err" }
}
