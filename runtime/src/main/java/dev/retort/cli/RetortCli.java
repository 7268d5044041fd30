package dev.retort.cli;

import dev.retort.command.*;
import dev.retort.config.ConfigLoader;
import dev.retort.config.RetortConfig;
import dev.retort.db.Database;
import dev.retort.dsl.dialect.Dialects;
import dev.retort.graph.Direction;
import dev.retort.script.ScriptLanguage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.*;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The {@code retort} launcher: global options, then one subcommand. Each subcommand only wires objects together. */
@Command(name = "retort", mixinStandardHelpOptions = true, version = "retort 0.1.0",
        description = "Database migrations for the JVM, written as Groovy or Kotlin scripts.",
        subcommands = {InitCommand.class, RevisionCommand.class, UpgradeCommand.class,
                DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class, HeadsCommand.class,
                ValidateCommand.class})
public final class RetortCli implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, description = "configuration file (default: retort.ini)") Path configFile = Path.of("retort.ini");
    @Option(names = {"-n", "--name"}, description = "section of the configuration file to use, e.g. prod") String section;
    @Option(names = "-x", description = "extra KEY=VALUE, overriding the configuration") Map<String, String> x = new LinkedHashMap<>();
    @Option(names = "--url", description = "JDBC URL, overriding the configuration") String url;
    @Option(names = "--user", description = "database user") String user;
    @Option(names = "--password", description = "database password (prefer ${env:…} in retort.ini)") String password;
    @Option(names = "--json", description = "print results as JSON", scope = CommandLine.ScopeType.INHERIT) boolean json;
    @Option(names = "--debug", description = "print stack traces on errors", scope = CommandLine.ScopeType.INHERIT) boolean debug;
    @Option(names = {"-q", "--quiet"}, description = "print only errors and requested output", scope = CommandLine.ScopeType.INHERIT) boolean quiet;

    PrintStream out;
    PrintStream err;
    Map<String, String> env;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command line; returns the exit code (0 done, 1 failed, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        RetortCli cli = new RetortCli();
        cli.out = out;
        cli.err = err;
        cli.env = env;
        CommandLine cmd = new CommandLine(cli);
        // A target such as -1 is typed as the user means it, without '--'.
        cmd.setUnmatchedOptionsArePositionalParams(true);
        cmd.setOut(new java.io.PrintWriter(out, true));
        cmd.setErr(new java.io.PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + Errors.describe(e));
            if (cli.debug) e.printStackTrace(err);
            else if (Errors.isInternal(e)) err.println("(run again with --debug for the stack trace)");
            return 1;
        });
        return cmd.execute(args);
    }

    @Override public Integer call() {
        new CommandLine(this).usage(out);
        return 2;
    }

    // ---- shared wiring ----------------------------------------------------------------------------

    RetortConfig config() {
        Map<String, String> flags = new HashMap<>();
        if (url != null) flags.put("url", url);
        if (user != null) flags.put("user", user);
        if (password != null) flags.put("password", password);
        String chosen = section != null ? section : env.get("RETORT_ENV");
        return ConfigLoader.load(configFile, chosen, x, env, flags);
    }

    Project project() { return Project.open(config()); }

    Database database(RetortConfig c) { return Database.connect(c.url(), c.user(), c.password(), c.pool()); }

    void progress(String line) { if (!quiet) out.println(line); }

    void print(List<Status.RevisionView> views, java.util.function.Function<Status.RevisionView, String> line) {
        if (json) out.println(Json.write(views.stream().map(RetortCli::asMap).toList()));
        else views.forEach(v -> out.println(line.apply(v)));
    }

    static Map<String, Object> asMap(Status.RevisionView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", v.id());
        m.put("down_revisions", v.parents());
        m.put("branch_labels", v.branchLabels());
        m.put("message", v.message());
        m.put("is_head", v.head());
        m.put("is_branch_point", v.branchPoint());
        m.put("is_merge_point", v.mergePoint());
        m.put("path", v.path());
        return m;
    }

    /** upgrade/downgrade, shared by both commands. */
    int migrate(Direction direction, String target, boolean sql, String dialectName) {
        Project project = project();
        if (sql) {
            var dialect = dialectName != null ? Dialects.byName(dialectName) : Dialects.forUrl(project.config().url());
            Migrate.offline(project, dialect, direction, target, out);
            return 0;
        }
        try (Database db = database(project.config())) {
            Migrate.online(project, db, direction, target, this::progress);
        }
        return 0;
    }



}
