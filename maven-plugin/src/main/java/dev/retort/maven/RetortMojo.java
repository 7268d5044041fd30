package dev.retort.maven;

import dev.retort.cli.RetortCli;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import picocli.CommandLine;

/**
 * What every goal shares: the project's configuration (its retort.ini, or the plugin's settings alone), and one run
 * of the retort command's own code, whose output becomes the Maven log. A failed run fails the goal with the
 * command's one-paragraph message.
 */
public abstract class RetortMojo extends AbstractMojo {
    private static final String POOL_LOG_LEVEL = "org.slf4j.simpleLogger.log.com.zaxxer.hikari";

    /** The project's retort.ini (default: retort.ini beside the pom, when there is one); as {@code retort -c FILE}. */
    @Parameter(property = "retort.configFile")
    File configFile;

    /** The section of retort.ini to use, e.g. prod; as {@code retort -n SECTION}. */
    @Parameter(property = "retort.section")
    String section;

    /** The JDBC URL; overrides retort.ini. Its driver comes from the plugin's {@code <dependencies>}. */
    @Parameter(property = "retort.url")
    String url;

    /** The database user; overrides retort.ini. */
    @Parameter(property = "retort.user")
    String user;

    /** The database password; overrides retort.ini. Never logged, not even with -X (see SecretMaskingConfigurator). */
    @Parameter(property = "retort.password")
    String password;

    /**
     * Where the revision scripts are: {@code filesystem:DIR} (relative to the project) or {@code classpath:DIR} (in the
     * project's resources). Default: {@code filesystem:src/main/resources/db/retort}, or retort.ini's version_locations
     * when the project has a retort.ini. Comma-separated on the command line.
     */
    @Parameter(property = "retort.locations")
    List<String> locations;

    /**
     * The names of what revisions leave unnamed, by kind, as retort.ini's naming_convention (which these override):
     * {@code <namingConvention><fk>fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s</fk></namingConvention>}.
     */
    @Parameter
    Map<String, String> namingConvention;

    /** Skip the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File outputDirectory;

    @Parameter(defaultValue = "${project.build.resources}", readonly = true)
    List<Resource> resources;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Retort: skipped (retort.skip)");
            return;
        }
        runGoal();
    }

    /** The goal's work: by default one run of {@link #command()} with its output in the log. */
    void runGoal() throws MojoExecutionException, MojoFailureException {
        run(command(), new LogLines(getLog()::info));
    }

    /** The subcommand and its arguments, e.g. {@code upgrade head}. */
    abstract List<String> command() throws MojoExecutionException, MojoFailureException;

    /** Whether the goal reads revisions, so that {@code <locations>} must name folders that exist. */
    boolean readsRevisions() { return true; }

    /** Runs {@code retort [options] COMMAND…}; what it prints on standard output goes to {@code out}. */
    final void run(List<String> command, OutputStream out) throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(globalOptions());
        args.addAll(command);
        if (getLog().isDebugEnabled()) getLog().debug("Retort: retort " + String.join(" ", printable(args)));
        // The launcher binds slf4j-nop; in Maven, HikariCP's INFO lines (pool started, stopped) would come between the
        // command's own. Maven's slf4j binding reads a logger's level from this property when the logger is made.
        if (!getLog().isDebugEnabled() && System.getProperty(POOL_LOG_LEVEL) == null) System.setProperty(POOL_LOG_LEVEL, "warn");
        ErrorLines errors = new ErrorLines(getLog());
        int code;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader realm = RetortMojo.class.getClassLoader();
        // The plugin's realm holds the drivers and templates the project added to <dependencies>: the engine's
        // ServiceLoader and class-path lookups, and DriverManager, must see it.
        thread.setContextClassLoader(realm);
        try (out; LogLines err = new LogLines(errors::add)) {
            registerDrivers(realm);
            code = RetortCli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), System.getenv());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the output of retort " + command.get(0) + ": " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(before);
        }
        if (code == 0) {
            errors.warnKept();
            return;
        }
        throw new MojoFailureException(errors.failureMessage().orElse("retort " + String.join(" ", command)
                + " ended with exit code " + code + "; its output is above"));
    }

    private List<String> globalOptions() throws MojoExecutionException {
        File ini = configFile != null ? configFile : new File(basedir, "retort.ini");
        if (configFile != null && !configFile.isFile())
            throw new MojoExecutionException("<configFile> (retort.configFile) names " + configFile.getAbsolutePath()
                    + ", which does not exist; point it at the project's retort.ini, or leave it out and configure the goal with "
                    + "<url> and <locations>");
        List<String> args = new ArrayList<>(List.of("-c", ini.getAbsolutePath()));
        if (notBlank(section)) args.addAll(List.of("-n", section));
        if (notBlank(url)) args.addAll(List.of("--url", url));
        if (notBlank(user)) args.addAll(List.of("--user", user));
        if (notBlank(password)) args.addAll(List.of("--password", password));
        List<String> wanted = !readsRevisions() ? List.of() : locations != null && !locations.isEmpty() ? locations
                : ini.isFile() ? List.of() : List.of(VersionFolders.DEFAULT_LOCATION);
        if (!wanted.isEmpty())
            args.addAll(List.of("-x", "version_locations=" + versionFolders().setting(wanted, ini.getAbsoluteFile().toPath().getParent())));
        if (namingConvention != null)
            namingConvention.forEach((kind, template) -> args.addAll(List.of("-x", "naming_convention." + kind + "=" + template)));
        // Without a retort.ini the compile cache would land beside the pom; target/ is where a build's files go.
        if (!ini.isFile()) args.addAll(List.of("-x", "cache_dir=" + new File(buildDirectory, "retort/cache").getAbsolutePath()));
        if (getLog().isDebugEnabled()) args.add("--debug");
        return args;
    }

    private VersionFolders versionFolders() {
        List<Path> roots = new ArrayList<>();
        if (resources != null)
            for (Resource r : resources) roots.add(basedir.toPath().resolve(r.getDirectory()).normalize());
        roots.add(outputDirectory.toPath());
        return new VersionFolders(basedir.toPath(), roots);
    }

    /** The command line for the debug log, with the password's value replaced. */
    private static List<String> printable(List<String> args) {
        List<String> shown = new ArrayList<>(args);
        for (int i = 0; i + 1 < shown.size(); i++) if (shown.get(i).equals("--password")) shown.set(i + 1, SecretMaskingConfigurator.MASK);
        return shown;
    }

    /**
     * Loads every JDBC driver of the realm, which registers it with DriverManager: DriverManager finds drivers with
     * the loader that was current when something first used it, which in a Maven build may not be this realm.
     */
    private void registerDrivers(ClassLoader realm) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, realm).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) return;
                drivers.next();
            } catch (ServiceConfigurationError e) {
                getLog().debug("Retort: a JDBC driver on the plugin's class path did not load: " + e.getMessage());
            }
        }
    }

    /** Fails the goal when this Retort's command line has no such command (a newer plugin goal over an older CLI). */
    static void requireCommand(String name, String goal) throws MojoFailureException {
        // As RetortCli.run does: picocli would otherwise start the Groovy runtime to look for closures.
        System.setProperty("picocli.disable.closures", "true");
        CommandLine cli = new CommandLine(new RetortCli());
        // This CLI registers its subcommands when it runs, so that a launch builds only the one it names; an older one
        // declares them all in its annotation, and has no commandNames().
        if ((cli.getSubcommands().isEmpty() ? RetortCli.commandNames() : cli.getSubcommands().keySet()).contains(name)) return;
        throw new MojoFailureException("the " + goal + " goal is not available in this Retort version (" + String.join(" ",
                cli.getCommandSpec().version()) + "): it runs 'retort " + name + "', which this version's retort-cli does not "
                + "have; use a retort-maven-plugin version that has it");
    }

    static boolean notBlank(String s) { return s != null && !s.isBlank(); }
}
