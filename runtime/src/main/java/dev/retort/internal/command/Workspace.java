package dev.retort.internal.command;

import dev.retort.internal.config.ConfigException;
import dev.retort.internal.config.ConfigLoader;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.db.Database;
import dev.retort.internal.script.CompileProgress;
import dev.retort.internal.script.Environment;
import dev.retort.internal.script.PrecompiledRevisions;
import dev.retort.internal.script.RevisionCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One project opened for a command line or an embedded engine: its configuration (warnings reported once), its
 * revisions with the precompiled ones wired in, and its database. The CLI, the Java API (and so the Maven plugin and the
 * Spring Boot starter) open projects only through this class, so they cannot drift apart.
 */
public final class Workspace implements AutoCloseable {
    /**
     * Where the configuration comes from, highest precedence last: the file (null: configured in code, no file read) and
     * its section, {@code -x} values, the environment, then flags and settings made in code.
     *
     * @param fileRequired the file must exist unless {@code version_locations} comes from {@code -x} or the environment
     *                     (the CLI, which otherwise would complain first about a missing versions folder)
     */
    public record Source(Path file, boolean fileRequired, String section, Map<String, String> x, Map<String, String> environment,
                         Map<String, String> flags) {
        public Source {
            x = Map.copyOf(x);
            environment = Map.copyOf(environment);
            flags = Map.copyOf(flags);
        }
    }

    /** Stands for "no configuration file": a name no file has, in the working folder (where relative paths resolve). */
    private static final Path NO_CONFIG_FILE = Path.of("").toAbsolutePath().resolve("(no retort.ini: configured in code)");

    private final Source source;
    private final List<String> versionLocations;
    private final ClassLoader classLoader;
    private final DataSource dataSource;
    private final Consumer<String> warnings;
    private final CompileProgress.Listener compiling;
    private final VersionLocations opened = new VersionLocations();
    private RetortConfig config;
    private Project project;

    /**
     * @param versionLocations folders or {@code classpath:…} locations replacing the file's; empty: the file's
     * @param classLoader      where {@code classpath:} locations and precompiled revisions are looked up
     * @param dataSource       the database to use instead of the configured URL, or null
     * @param warnings         receives each configuration warning (unknown key, unset variable) once
     */
    public Workspace(Source source, List<String> versionLocations, ClassLoader classLoader, DataSource dataSource,
                     Consumer<String> warnings) {
        this(source, versionLocations, classLoader, dataSource, warnings, null);
    }

    /** @param compiling hears how compiling revisions goes when it takes a while; null: nobody */
    public Workspace(Source source, List<String> versionLocations, ClassLoader classLoader, DataSource dataSource,
                     Consumer<String> warnings, CompileProgress.Listener compiling) {
        this.compiling = compiling;
        this.source = source;
        this.versionLocations = List.copyOf(versionLocations);
        this.classLoader = classLoader;
        this.dataSource = dataSource;
        this.warnings = warnings;
    }

    /** The validated configuration, loaded on first use; may be a multi-database one. */
    public RetortConfig config() {
        if (config == null) {
            Path file = source.file() != null ? source.file() : NO_CONFIG_FILE;
            // Without a file every key would be a default, and the first complaint would be a versions folder that is not
            // there; say what is really missing instead.
            if (source.fileRequired() && !Files.exists(file) && !source.x().containsKey("version_locations")
                    && !source.environment().containsKey("RETORT_VERSION_LOCATIONS"))
                throw new ConfigException("no configuration file " + file.toAbsolutePath().normalize()
                        + "; run retort in a project folder, name the file with -c FILE, or create a project with 'retort init DIR'");
            // Locations given in code replace the file's, so the file's folders need not exist.
            RetortConfig loaded = versionLocations.isEmpty()
                    ? ConfigLoader.load(file, source.section(), source.x(), source.environment(), source.flags())
                    : ConfigLoader.loadWithoutPathChecks(file, source.section(), source.x(), source.environment(), source.flags());
            loaded.warnings().forEach(warnings);
            if (!versionLocations.isEmpty()) loaded = loaded.withVersionLocations(opened.resolve(versionLocations, classLoader));
            config = loaded;
        }
        return config;
    }

    /** The configuration of a single database; a multi-database one must be narrowed to one section first. */
    public RetortConfig single() {
        RetortConfig c = config();
        if (c.isMultiDatabase())
            throw new ConfigException(c.origin("databases") + ": this project has several databases "
                    + c.databases().keySet() + "; choose one with -n NAME, e.g. retort -n " + c.databases().keySet().iterator().next()
                    + " ... (upgrade and downgrade without -n run them all in turn)");
        return c;
    }

    /** The revisions (headers read, nothing compiled), looked up first among the precompiled ones; opened once. */
    public Project project() {
        if (project == null) {
            RetortConfig c = single();
            project = Project.open(c, PrecompiledRevisions.of(classLoader, c.compiledRevisions()),
                    compiling == null ? CompileProgress.NONE : compiling.forCache(c.cacheDir()));
        }
        return project;
    }

    /**
     * A connection pool to the project's database (the given DataSource, or the configured URL), every connection prepared
     * by the environment script's {@code configureConnection}; the caller closes it. The script is loaded first, so one
     * that does not compile or run stops the command before anything is touched.
     */
    public Database database() { return database(project().environment()); }

    /** As {@link #database()}, with connections prepared by the given environment (the script's hooks and code hooks). */
    public Database database(Environment environment) {
        Database db;
        if (dataSource != null) {
            db = Database.of(dataSource);
        } else {
            RetortConfig c = single();
            db = Database.connect(c.url(), c.user(), c.password(), c.pool(), c.createDatabase());
        }
        return environment.hasConnectionHooks() ? db.configuredBy(environment::configureConnection) : db;
    }

    /**
     * The templates for {@code init} and {@code list-templates}: built in and from {@code template_locations}. Reads the
     * configuration without requiring its folders, since these commands run before a project exists.
     */
    public TemplateCatalog templates() {
        RetortConfig c = config != null ? config
                : ConfigLoader.loadWithoutPathChecks(source.file() != null ? source.file() : NO_CONFIG_FILE, source.section(),
                        source.x(), source.environment(), source.flags());
        if (config == null) c.warnings().forEach(warnings);
        return TemplateCatalog.of(c.templateLocations());
    }

    /**
     * {@code retort compile}: the class files of every revision into {@code output} (a folder, or a jar when it ends in
     * {@code .jar}), under {@code META-INF/retort/compiled/}, where a run finds them before its cache and compilers.
     */
    public List<RevisionCompiler.CompiledRevision> compile(Path output) {
        Project p = project();
        List<RevisionCompiler.CompiledRevision> compiled = p.loader().compileAll(p.sources());
        PrecompiledRevisions.write(compiled, output);
        return compiled;
    }

    /** Releases the zip file systems opened for revisions read from jars. */
    @Override public void close() { opened.close(); }
}
