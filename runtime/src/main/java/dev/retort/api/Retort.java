package dev.retort.api;

import dev.retort.internal.autogen.Autogenerate;
import dev.retort.internal.command.AppliedRuns;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.command.MigrationRunner;
import dev.retort.internal.command.NewRevision;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.Stamp;
import dev.retort.internal.command.Status;
import dev.retort.internal.command.Validate;
import dev.retort.internal.config.ConfigException;
import dev.retort.internal.config.ConfigLoader;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.dsl.dialect.Dialects;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.testkit.CheckName;
import dev.retort.internal.testkit.ScratchTarget;
import dev.retort.internal.testkit.TestKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Retort embedded in an application:
 * {@code Retort.configure().configFile(Path.of("retort.ini")).section("prod").load().upgrade("head")}, or
 * {@code Retort.configure().dataSource(ds).versionLocations("classpath:db/versions").load().upgrade("head")}.
 * Methods return records and throw {@link RetortException} subclasses; close it to release the connections.
 */
public final class Retort implements AutoCloseable {
    private final RetortConfig config;
    private final DataSource dataSource;
    private final VersionLocations locations;
    private final Consumer<String> progress;
    private Project project;

    private Retort(RetortConfig config, DataSource dataSource, VersionLocations locations, Consumer<String> progress) {
        this.config = config;
        this.dataSource = dataSource;
        this.locations = locations;
        this.progress = progress;
    }

    public static Builder configure() { return new Builder(); }

    /** Stands for "no configuration file": a name no file has, in the working folder (where relative paths resolve). */
    private static final Path NO_CONFIG_FILE = Path.of("").toAbsolutePath().resolve("(no retort.ini: configured in code)");

    /** Fluent settings; {@link #load()} validates them once and yields the engine. */
    public static final class Builder {
        /** Null: configured in code only. An application must not pick up whatever retort.ini its working folder holds. */
        private Path configFile;
        private String section;
        private DataSource dataSource;
        private String url;
        private String user;
        private String password;
        private List<String> versionLocations = List.of();
        private final Map<String, String> x = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private Consumer<String> progress = line -> {};
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

        public Builder configFile(Path file) { this.configFile = file; return this; }
        public Builder section(String name) { this.section = name; return this; }
        public Builder dataSource(DataSource ds) { this.dataSource = ds; return this; }
        public Builder url(String jdbcUrl) { this.url = jdbcUrl; return this; }
        public Builder user(String name) { this.user = name; return this; }
        public Builder password(String secret) { this.password = secret; return this; }
        /** Folders, or {@code classpath:db/versions} for scripts shipped inside the application. */
        public Builder versionLocations(String... locations) { this.versionLocations = List.of(locations); return this; }
        /** A {@code -x KEY=VALUE} setting. */
        public Builder x(String key, String value) { this.x.put(key, value); return this; }
        public Builder environment(Map<String, String> env) { this.environment = Map.copyOf(env); return this; }
        /** Receives the {@code Running upgrade …} lines. */
        public Builder progress(Consumer<String> listener) { this.progress = listener; return this; }
        public Builder classLoader(ClassLoader loader) { this.classLoader = loader; return this; }

        public Retort load() {
            return translate(() -> {
                Map<String, String> flags = new LinkedHashMap<>();
                if (url != null) flags.put("url", url);
                if (user != null) flags.put("user", user);
                if (password != null) flags.put("password", password);
                if (configFile == null && section != null)
                    throw new RetortException.ConfigurationError("section(\"" + section + "\") needs configFile(…) to read it from", null);
                Path file = configFile != null ? configFile : NO_CONFIG_FILE;
                // Locations given here replace the file's, so the file's folders need not exist.
                RetortConfig config = versionLocations.isEmpty()
                        ? ConfigLoader.load(file, section, x, environment, flags)
                        : ConfigLoader.loadWithoutPathChecks(file, section, x, environment, flags);
                VersionLocations resolved = new VersionLocations();
                if (!versionLocations.isEmpty()) config = config.withVersionLocations(resolved.resolve(versionLocations, classLoader));
                return new Retort(config, dataSource, resolved, progress);
            });
        }
    }

    // ---- commands ---------------------------------------------------------------------------------

    public List<StepResult> upgrade(String target) { return migrate(Direction.UPGRADE, target); }

    public List<StepResult> downgrade(String target) { return migrate(Direction.DOWNGRADE, target); }

    /** The SQL an upgrade would run, without a database ({@code upgrade --sql}); {@code dialect} as {@code --dialect}. */
    public String upgradeSql(String target, String dialect) { return sql(Direction.UPGRADE, target, dialect); }

    /** The SQL a downgrade would run ({@code downgrade --sql FROM:TO}). */
    public String downgradeSql(String range, String dialect) { return sql(Direction.DOWNGRADE, range, dialect); }

    private String sql(Direction direction, String target, String dialect) {
        return translate(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            Migrate.offline(project(), dialect != null ? Dialects.byName(dialect) : Dialects.forUrl(config.url()), direction, target, out);
            return bytes.toString(StandardCharsets.UTF_8);
        });
    }

    public List<RevisionInfo> current() {
        return translate(() -> { try (Database db = database()) { return info(Status.current(project(), db)); } });
    }

    public List<RevisionInfo> heads() { return translate(() -> info(Status.heads(project()))); }

    /** Newest first. */
    public List<RevisionInfo> history() { return translate(() -> info(Status.history(project()))); }

    /** Every revision, newest first, with whether the database has it applied (from its version rows) and when. */
    public List<RevisionState> revisions() {
        return translate(() -> {
            try (Database db = database()) {
                Set<String> applied = project().graph().appliedFrom(Status.currentRows(project(), db));
                Map<String, HistoryRow> runs = AppliedRuns.read(project(), db);
                List<RevisionInfo> all = info(Status.history(project()));
                return all.stream().map(r -> {
                    HistoryRow run = applied.contains(r.id()) ? runs.get(r.id()) : null;
                    return new RevisionState(r, applied.contains(r.id()), run == null ? null : run.finishedAt());
                }).toList();
            }
        });
    }

    /**
     * {@code validate}: compares each applied revision's script with the checksum recorded when it ran, and returns the
     * scripts checked (none before any run). Throws {@link RetortException.ValidationError}, naming each script, when one
     * changed or is missing.
     */
    public List<ScriptCheck> validate() {
        return translate(() -> {
            List<Validate.Check> checks;
            try (Database db = database()) { checks = Validate.run(project(), db).orElse(List.of()); }
            List<String> problems = checks.stream().map(Validate.Check::problem).filter(p -> p != null).toList();
            if (!problems.isEmpty())
                throw new RetortException.ValidationError(String.join("; ", problems) + ". " + Validate.verdict(checks));
            return checks.stream().map(c -> new ScriptCheck(c.revision(), c.script(), c.appliedAt())).toList();
        });
    }

    /** Writes a new revision file on top of the current head; returns its path. */
    public Path revision(String message) {
        return translate(() -> NewRevision.create(project(), new NewRevision.Request(message, null, List.of(), List.of(),
                List.of(), null, null, null, null), ZonedDateTime.now()));
    }

    /** Sets the version table to the given revisions without running them; returns the rows now there. */
    public List<String> stamp(boolean purge, String... revisions) {
        return translate(() -> { try (Database db = database()) { return Stamp.online(project(), db, List.of(revisions), purge, progress); } });
    }

    /** The differences between the model ({@code model} key) and the database; empty when they agree. */
    public List<Difference> check() {
        return translate(() -> {
            try (Database db = database()) {
                return Autogenerate.differences(project(), db).stream()
                        .map(d -> new Difference(d.kind(), d.table(), d.description())).toList();
            }
        });
    }

    /**
     * Runs the test kit's checks (single head, upgrade, stairway, no trace, model, data) on throw-away databases made
     * for the run and dropped by it; the configured database is never migrated.
     */
    public TestReport test(TestOptions options) {
        return translate(() -> {
            Set<CheckName> only = EnumSet.noneOf(CheckName.class);
            options.only().forEach(name -> only.add(CheckName.of(name)));
            ScratchTarget target = options.scratchUrl() != null
                    ? new ScratchTarget(options.scratchUrl(), options.scratchUser(), options.scratchPassword(), "TestOptions.scratchServer")
                    : ScratchTarget.of(config, options.scratch());
            List<CheckResult> checks = TestKit.run(project(), only, target).stream()
                    .map(o -> new CheckResult(o.name().id(), o.passed(), o.revision(), o.message(), o.details())).toList();
            return new TestReport(checks.stream().allMatch(CheckResult::passed), checks);
        });
    }

    @Override public void close() { locations.close(); }

    // ---- wiring -----------------------------------------------------------------------------------

    private List<StepResult> migrate(Direction direction, String target) {
        return translate(() -> {
            try (Database db = database()) {
                List<Step> steps = Migrate.online(project(), db, direction, target, progress);
                List<StepResult> out = new ArrayList<>(steps.size());
                for (Step s : steps) out.add(new StepResult(s.revision().id(), s.direction() == Direction.UPGRADE, MigrationRunner.stepLine(s)));
                return out;
            }
        });
    }

    /** Scripts are re-read on the first command only: an application migrates once at start-up. */
    private Project project() {
        if (project == null) project = Project.open(config);
        return project;
    }

    private Database database() {
        return dataSource != null ? Database.of(dataSource) : Database.connect(config.url(), config.user(), config.password(), config.pool(), config.createDatabase());
    }

    private static List<RevisionInfo> info(List<Status.RevisionView> views) {
        return views.stream().map(v -> new RevisionInfo(v.id(), v.parents(), v.branchLabels(), v.message(), v.head(), v.path())).toList();
    }

    /** The one place internal failures become the API's typed exceptions. */
    private static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (RetortException e) {
            throw e;
        } catch (ScriptException e) {
            throw new RetortException.ScriptError(e.getMessage(), e);
        } catch (GraphException e) {
            throw new RetortException.RevisionError(e.getMessage(), e);
        } catch (ConfigException e) {
            throw new RetortException.ConfigurationError(e.getMessage(), e);
        } catch (DatabaseException e) {
            throw new RetortException.DatabaseError(e.getMessage(), e);
        } catch (RenderException e) {
            throw new RetortException.RenderError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // Outside scripts (whose errors arrive as ScriptException), a bad argument is a bad setting: a URL no
            // dialect handles, an unknown dialect or language name.
            throw new RetortException.ConfigurationError(e.getMessage(), e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new RetortException(e.getMessage(), e);
        }
    }
}
