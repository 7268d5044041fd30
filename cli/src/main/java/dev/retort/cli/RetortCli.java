package dev.retort.cli;

import dev.retort.api.CompileListener;
import dev.retort.api.Retort;
import dev.retort.internal.script.CompileProgress;
import dev.retort.internal.script.Environment;
import dev.retort.internal.script.EnvironmentScript;
import dev.retort.internal.script.ScriptCompileCache;
import dev.retort.internal.script.ScriptLanguage;
import dev.retort.internal.command.*;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.db.Database;
import dev.retort.internal.graph.Direction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code retort} launcher: global options, then one subcommand. Each subcommand only wires objects together. */
@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Database migrations for the JVM, written as Groovy or Kotlin scripts.")
public final class RetortCli implements Callable<Integer> {

    /**
     * The subcommands by name, in the order the usage lists them. They are registered with picocli here rather than in
     * the annotation, so that a command line naming one builds only that one: picocli reads every registered command's
     * annotations by reflection, which for all of them cost about a third of a second on each launch.
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "help", CommandLine.HelpCommand.class, "init", InitCommand.class, "list-templates", ListTemplatesCommand.class,
            "revision", RevisionCommand.class, "upgrade", UpgradeCommand.class, "downgrade", DowngradeCommand.class,
            "current", CurrentCommand.class, "history", HistoryCommand.class, "heads", HeadsCommand.class,
            "branches", BranchesCommand.class, "show", ShowCommand.class, "stamp", StampCommand.class, "merge", MergeCommand.class,
            "check", CheckCommand.class, "validate", ValidateCommand.class, "test", TestCommand.class, "fleet", FleetCommand.class,
            "graph", GraphCommand.class, "edit", EditCommand.class, "compile", CompileCommand.class, "lint", LintCommand.class,
            "adopt", AdoptCommand.class, "import", ImportCommand.class, "squash", SquashCommand.class);

    /** The names of this command line's subcommands (the Maven plugin checks that a goal's command exists). */
    public static Set<String> commandNames() { return COMMANDS.keySet(); }

    /** The global options that take a value in the next argument (see {@link #commandNamed}). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-c", "--config", "-n", "--name", "-x", "--url", "--user", "--password");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, description = "configuration file (default: retort.ini)") Path configFile = Path.of("retort.ini");
    @Option(names = {"-n", "--name"}, description = "section of the configuration file to use, e.g. prod") String section;
    @Option(names = "-x", description = "extra KEY=VALUE, overriding the configuration") Map<String, String> x = new LinkedHashMap<>();
    @Option(names = "--url", description = "JDBC URL, overriding the configuration") String url;
    @Option(names = "--user", description = "database user") String user;
    @Option(names = "--password", description = "database password (prefer password = $${env:NAME} in retort.ini)") String password;
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
        // picocli looks for groovy.lang.Closure to support closures in annotations; with Groovy on the class path
        // that initialises the whole Groovy runtime (~0.4 s) on every launch. Retort's annotations use no closures.
        System.setProperty("picocli.disable.closures", "true");
        RetortCli cli = new RetortCli();
        cli.out = out;
        cli.err = err;
        cli.env = env;
        CommandLine cmd = new CommandLine(cli);
        // 'help', no command, or a name that is not one (picocli then suggests the nearest) need them all.
        String named = commandNamed(args);
        if (named != null && !named.equals("help")) {
            cmd.addSubcommand(named, COMMANDS.get(named));
            // A mistake in the global options prints the usage, which lists every command.
            CommandLine.IParameterExceptionHandler usage = cmd.getParameterExceptionHandler();
            cmd.setParameterExceptionHandler((e, arguments) -> {
                if (e.getCommandLine() == cmd) {
                    cmd.getCommandSpec().removeSubcommand(named);
                    COMMANDS.forEach(cmd::addSubcommand);
                }
                return usage.handleParseException(e, arguments);
            });
        } else {
            COMMANDS.forEach(cmd::addSubcommand);
        }
        // A target such as -1 is typed as the user means it, without '--'.
        cmd.setUnmatchedOptionsArePositionalParams(true);
        cmd.setOut(new java.io.PrintWriter(out, true));
        cmd.setErr(new java.io.PrintWriter(err, true));
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + Errors.describe(e));
            if (cli.debug) e.printStackTrace(err);
            else if (Errors.isInternal(e)) err.println("(run again with --debug for the stack trace)");
            return e instanceof Errors.BadUsage ? 2 : 1;
        });
        return cmd.execute(args);
    }

    @Override public Integer call() {
        spec.commandLine().usage(out);
        return 2;
    }

    /**
     * Names and classes in pairs. The names are written out, not read from each class's annotation: reading annotations
     * loads every command class and parses its annotations, which is what registering only one is meant to avoid
     * (CommandRegistrationSpec checks that each name is its annotation's).
     */
    private static Map<String, Class<?>> commands(Object... namesAndClasses) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) byName.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        return Collections.unmodifiableMap(byName);
    }

    /**
     * The subcommand a command line names: its first argument that is neither a global option nor an option's value, when
     * that is a command's name; otherwise null. Short options may be clustered ({@code -qc retort.ini}); the cluster's
     * last letter decides whether the next argument is its value. A wrong guess only costs time: null registers every
     * command and picocli parses the line as always.
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) return null;
            if (!a.startsWith("-") || a.equals("-")) return COMMANDS.containsKey(a) ? a : null;
            if (a.contains("=")) continue;
            boolean cluster = !a.startsWith("--") && a.length() > 2;
            if (OPTIONS_WITH_VALUE.contains(a) || cluster && OPTIONS_WITH_VALUE.contains("-" + a.charAt(a.length() - 1))) i++;
        }
        return null;
    }

    // ---- shared wiring ----------------------------------------------------------------------------

    private Workspace workspace;

    /**
     * The project this command line names (-c, -n or RETORT_ENV, -x, the environment, flags), opened the way the Java API
     * opens one; precompiled revisions are looked up on the launcher's classpath (lib/, drivers/) and in compiled_revisions.
     */
    Workspace workspace() {
        if (workspace == null)
            workspace = new Workspace(new Workspace.Source(configFile, true, chosenSection(), x, env, flags()), List.of(),
                    RetortCli.class.getClassLoader(), null, this::warning,
                    new CompileProgress.Listener(compileListener()::progress, compileListener()::finished, compileReportDelay()));
        return workspace;
    }

    RetortConfig config() { return workspace().config(); }

    String chosenSection() { return section != null ? section : env.get("RETORT_ENV"); }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        if (url != null) flags.put("url", url);
        if (user != null) flags.put("user", user);
        if (password != null) flags.put("password", password);
        return flags;
    }

    private final Set<String> warned = new HashSet<>();

    /** Unknown keys and unset ${env:…} references: one line each on stderr, once per run however often the file is read. */
    private void warning(String line) {
        if (warned.add(line)) err.println("warning: " + line);
    }

    /** Runs the project's post-write hooks on a new revision file; 1 when one fails (the file is kept). */
    int postWriteHooks(RetortConfig c, Path file) {
        for (PostWriteHooks.Outcome o : PostWriteHooks.run(c.postWriteHooks(), file, this::progress)) {
            if (o.succeeded()) continue;
            err.println("error: post-write hook '" + o.hook().name() + "' (" + o.hook().executable() + ") failed with exit code "
                    + o.exitCode() + "; the revision file is kept as written: " + file.toAbsolutePath()
                    + "; fix the hook's settings in " + c.origin(o.hook().name() + ".executable") + " or run it by hand"
                    + (o.output().isEmpty() ? "" : "\n" + o.output().indent(4).stripTrailing()));
            return 1;
        }
        return 0;
    }

    void progress(String line) { if (!quiet) out.println(line); }

    private CompileListener compileListener;

    /**
     * Compile progress goes to stderr, so stdout keeps only the command's output: on a terminal one line that updates in
     * place, otherwise a line per tenth of the work; then the summary. {@code -q} silences it.
     */
    CompileListener compileListener() {
        if (compileListener == null)
            compileListener = quiet ? new CompileListener() {
                @Override public void progress(int done, int total) {}
                @Override public void finished(String summary) {}
            } : System.console() != null && err == System.err ? new CompileListener() {
                @Override public void progress(int done, int total) { err.print("\rCompiling revisions " + done + "/" + total); err.flush(); }
                @Override public void finished(String summary) { err.print("\r" + summary + "\033[K\n"); err.flush(); }
            } : CompileListener.lines(err::println);
        return compileListener;
    }

    /** One second, or what RETORT_PROGRESS_DELAY_MS says (0 shows progress from the start of any compile). */
    java.time.Duration compileReportDelay() {
        String ms = env.get("RETORT_PROGRESS_DELAY_MS");
        try {
            return ms == null ? java.time.Duration.ofSeconds(1) : java.time.Duration.ofMillis(Long.parseLong(ms.strip()));
        } catch (NumberFormatException e) {
            throw new Errors.BadUsage("RETORT_PROGRESS_DELAY_MS must be a number of milliseconds, not '" + ms + "'");
        }
    }

    void print(List<Status.RevisionView> views, java.util.function.Function<Status.RevisionView, String> line) {
        if (json) out.println(Json.write(views.stream().map(RetortCli::asMap).toList()));
        else views.forEach(v -> out.println(line.apply(v)));
    }

    static Map<String, Object> asMap(Status.RevisionView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("revision", v.id());
        m.put("down_revisions", v.parents());
        m.put("depends_on", v.dependsOn());
        m.put("branch_labels", v.branchLabels());
        m.put("message", v.message());
        m.put("is_head", v.head());
        m.put("is_effective_head", v.head() && !v.realHead());
        m.put("is_branch_point", v.branchPoint());
        m.put("is_merge_point", v.mergePoint());
        m.put("next_revisions", v.nextRevisions());
        m.put("is_current", v.current());
        m.put("path", v.path());
        return m;
    }

    /** Checks a --dialect value before any work: a name no dialect has is bad usage (exit 2). */
    static void dialectNamed(String name) {
        try {
            dev.retort.dsl.dialect.Dialects.byName(name);
        } catch (IllegalArgumentException e) {
            throw new Errors.BadUsage(e.getMessage());
        }
    }

    /** Checks a --language value: groovy or kotlin, else bad usage (exit 2). */
    static ScriptLanguage languageNamed(String name) {
        try {
            return ScriptLanguage.byName(name);
        } catch (IllegalArgumentException e) {
            throw new Errors.BadUsage(e.getMessage());
        }
    }

    /**
     * The Java API engine for this command line and section, configured as an embedding application would; its
     * configuration warnings join the run's (each printed once).
     */
    Retort.Builder engine(String sectionName) {
        Retort.Builder builder = Retort.configure().configFile(configFile).section(sectionName).environment(env)
                .progress(this::progress).warnings(this::warning).classLoader(RetortCli.class.getClassLoader())
                .compileListener(compileListener()).compileReportDelay(compileReportDelay());
        x.forEach(builder::x);
        if (url != null) builder.url(url);
        if (user != null) builder.user(user);
        if (password != null) builder.password(password);
        return builder;
    }

    /** upgrade/downgrade, shared by both commands; they run through the Java API, like an embedding application. */
    int migrate(Direction direction, String target, boolean sql, String dialectName) {
        if (dialectName != null) dialectNamed(dialectName);
        RetortConfig config = config();
        if (!config.isMultiDatabase()) return migrate(chosenSection(), direction, target, sql, dialectName);
        // multidb: each database of 'databases' in turn, in the order listed; -n NAME selects one database's section.
        for (Map.Entry<String, RetortConfig> db : config.databases().entrySet()) {
            if (sql) out.println("-- Database " + db.getKey());
            else progress("Database " + db.getKey() + " (" + Database.safeUrl(db.getValue().url()) + ")");
            migrate(db.getKey(), direction, target, sql, dialectName);
        }
        return 0;
    }

    private int migrate(String sectionName, Direction direction, String target, boolean sql, String dialectName) {
        Retort.Builder builder = engine(sectionName);
        try (Retort retort = builder.load()) {
            if (!sql) {
                if (direction == Direction.UPGRADE) retort.upgrade(target); else retort.downgrade(target);
            } else {
                out.print(direction == Direction.UPGRADE ? retort.upgradeSql(target, dialectName) : retort.downgradeSql(target, dialectName));
                out.flush();
            }
        }
        return 0;
    }
}
