package dev.retort.cli

/** One in-process run of the launcher: its exit code and what it printed. */
final class CliRun {
    final int code
    final String out
    final String err

    private CliRun(int code, String out, String err) { this.code = code; this.out = out; this.err = err }

    static CliRun of(List<String> args, Map<String, String> env = [:]) {
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        int code = RetortCli.run(args as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env)
        new CliRun(code, out.toString('UTF-8'), err.toString('UTF-8'))
    }

    @Override String toString() { "exit $code\n--- out\n$out--- err\n$err" }
}
