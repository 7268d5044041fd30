package dev.retort.api;

import dev.retort.dsl.env.EnvironmentHooks;
import dev.retort.internal.autogen.Autogenerate;
import dev.retort.internal.command.AppliedRuns;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.command.MigrationRunner;
import dev.retort.internal.command.NewRevision;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.Stamp;
import dev.retort.internal.command.Status;
import dev.retort.internal.command.Validate;
import dev.retort.internal.command.Workspace;
import dev.retort.internal.config.ConfigException;
import dev.retort.internal.config.LintSettings;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.lint.Lint;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.HistoryRow;
import dev.retort.dsl.dialect.Dialects;
import dev.retort.dsl.dialect.RenderException;
import dev.retort.internal.graph.Direction;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Step;
import dev.retort.internal.script.CompileProgress;
import dev.retort.internal.script.Environment;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.testkit.CheckName;
import dev.retort.internal.testkit.ScratchTarget;
import dev.retort.internal.testkit.TestKit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
    private final Workspace workspace;
    private final Consumer<String> progress;
    private final EnvironmentHooks hooks;
    private Project project;

    private Retort(Workspace workspace, Consumer<String> progress, EnvironmentHooks hooks) {
        this.workspace = workspace;
        this.progress = progress;
        this.hooks = hooks;
    }

    public static Builder configure() { return new Builder(); }

    /** Fluent settings; {@link #load()} validates them once and yields the engine. */
    public static final class Builder {
        /** Null: configured in code only. An application must not pick up whatever retort.ini its working folder holds. */
        private Path configFile;
        private String section;
        private DataSource dataSource;
        /** Settings made in code, by their retort.ini keys: they win over the file, the environment and -x, like CLI flags. */
        private final Map<String, String> settings = new LinkedHashMap<>();
        private List<String> versionLocations = List.of();
        private final Map<String, String> x = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private Consumer<String> progress = line -> {};
        private Consumer<String> warnings;
        private CompileListener compiling;
        private Duration compileReportDelay = Duration.ofSeconds(1);
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private EnvironmentHooks hooks = EnvironmentHooks.NONE;

        public Builder configFile(Path file) { this.configFile = file; return this; }
        public Builder section(String name) { this.section = name; return this; }
        public Builder dataSource(DataSource ds) { this.dataSource = ds; return this; }
        public Builder url(String jdbcUrl) { return set("url", jdbcUrl); }
        public Builder user(String name) { return set("user", name); }
        public Builder password(String secret) { return set("password", secret); }
        /** Folders, or {@code classpath:db/versions} for scripts shipped inside the application. */
        public Builder versionLocations(String... locations) { this.versionLocations = List.of(locations); return this; }
        /** The table holding the current revisions ({@code version_table}; default {@code retort_version}). */
        public Builder versionTable(String table) { return set("version_table", table); }
        /** How long to wait for another launcher's migration lock ({@code lock_timeout}; default 60 s). */
        public Builder lockTimeout(Duration timeout) { return set("lock_timeout", timeout.toMillis() + "ms"); }
        /** One transaction per revision instead of one for the run, where DDL is transactional ({@code transaction_per_migration}). */
        public Builder transactionPerMigration(boolean perMigration) { return set("transaction_per_migration", String.valueOf(perMigration)); }
        /** Create the database when it does not exist yet ({@code create_database}). */
        public Builder createDatabase(boolean create) { return set("create_database", String.valueOf(create)); }
        /**
         * One template of the naming convention ({@code naming_convention.KIND}): {@code namingConvention("fk",
         * "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s")}; {@code kind} is pk, fk, uq, ck or ix.
         */
        public Builder namingConvention(String kind, String template) { return set("naming_convention." + kind, template); }
        /** A {@code -x KEY=VALUE} setting. */
        public Builder x(String key, String value) { this.x.put(key, value); return this; }
        public Builder environment(Map<String, String> env) { this.environment = Map.copyOf(env); return this; }
        /** Receives the {@code Running upgrade …} lines, and the configuration's warnings unless {@link #warnings} is set. */
        public Builder progress(Consumer<String> listener) { this.progress = listener; return this; }
        /** Receives each configuration warning (an unknown key, with "did you mean"; an unset variable) once, at load. */
        public Builder warnings(Consumer<String> listener) { this.warnings = listener; return this; }
        /**
         * Hears how compiling revision scripts goes when it takes more than about a second (a cold compile cache):
         * {@code Compiling revisions 430/1000}, then {@code compiled 1000 revisions in 18.2 s; cached in .retort/cache}.
         * Nobody hears it unless a listener is set; {@link CompileListener#lines} makes log lines of it.
         */
        public Builder compileListener(CompileListener listener) { this.compiling = listener; return this; }
        /** How long compiling runs before the compile listener hears of it (default one second; zero: at once). */
        public Builder compileReportDelay(Duration delay) { this.compileReportDelay = delay; return this; }
        public Builder classLoader(ClassLoader loader) { this.classLoader = loader; return this; }
        /**
         * Hooks in code, as an environment script registers them ({@code EnvironmentHooks.builder().beforeEach(step -> …).build()});
         * they run after those of the {@code env.groovy}/{@code env.kts} beside the configuration file, if there is one.
         */
        public Builder hooks(EnvironmentHooks hooks) { this.hooks = hooks; return this; }

        private Builder set(String key, String value) {
            if (value == null) settings.remove(key); else settings.put(key, value);
            return this;
        }

        public Retort load() {
            return translate(() -> {
                if (configFile == null && section != null)
                    throw new RetortException.ConfigurationError("section(\"" + section + "\") needs configFile(…) to read it from", null);
                Consumer<String> progressTo = progress;
                Consumer<String> warningsTo = warnings != null ? warnings : line -> progressTo.accept("warning: " + line);
                CompileListener compileTo = compiling;
                Workspace workspace = new Workspace(new Workspace.Source(configFile, false, section, x, environment, settings),
                        versionLocations, classLoader, dataSource, warningsTo,
                        compileTo == null ? null : new CompileProgress.Listener(compileTo::progress, compileTo::finished, compileReportDelay));
                try {
                    workspace.config();
                } catch (RuntimeException e) {
                    workspace.close();
                    throw e;
                }
                return new Retort(workspace, progress, hooks);
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
            Migrate.offline(project(), dialect != null ? Dialects.byName(dialect) : Dialects.forUrl(workspace.single().url()), direction, target, out);
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
                List<String> stored = Status.currentRows(project(), db);
                var seen = project().atRows(stored);
                Set<String> applied = seen.graph().appliedFrom(seen.rows());
                Map<String, HistoryRow> runs = AppliedRuns.read(project(), db);
                List<RevisionInfo> all = info(Status.history(project(), null, stored, false));
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
     * Writes the compiled form of every revision into {@code output} — a folder, or a jar when the name ends in
     * {@code .jar} — under {@code META-INF/retort/compiled/}. Shipped on the classpath (or named by {@code compiled_revisions}),
     * it lets a run load each unchanged script's classes without a compiler; an edited script is compiled as usual.
     */
    public CompiledRevisions compile(Path output) {
        return translate(() -> new CompiledRevisions(output.toAbsolutePath().normalize(),
                workspace.compile(output).stream().map(c -> c.source().revision().id()).toList()));
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
                    : ScratchTarget.of(workspace.single(), options.scratch());
            List<CheckResult> checks = TestKit.run(project(), only, target).stream()
                    .map(o -> new CheckResult(o.name().id(), o.passed(), o.revision(), o.message(), o.details())).toList();
            return new TestReport(checks.stream().allMatch(CheckResult::passed), checks);
        });
    }

    /**
     * A fleet (DESIGN §19): these revisions rolled out to many databases or schemas, each with its own connection and
     * lock: {@code retort.fleet(targets).parallel(4).upgrade("head")}.
     */
    public Fleet fleet(List<FleetTarget> targets) {
        return translate(() -> {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (FleetTarget t : targets)
                if (!names.add(t.name())) throw new RetortException.ConfigurationError("fleet target " + t.name() + " is listed twice", null);
            return new Fleet(this, targets.stream().map(t -> new dev.retort.internal.fleet.FleetTarget(t.name(), t.url(), "target " + t.name())).toList(),
                    Fleet.dataSourcesOf(targets));
        });
    }

    /** A fleet read from a targets file: {@code name jdbc-url} a line, or {@code name} alone expanded through {@code fleet_url}. */
    public Fleet fleet(Path targetsFile) {
        return translate(() -> new Fleet(this, dev.retort.internal.fleet.TargetsFile.read(targetsFile, config().fleetUrl(), config().origin("fleet_url")),
                Map.of()));
    }

    /**
     * {@code retort lint}: checks the revisions an upgrade to heads would run on the database, for its dialect, without
     * running them. Findings at error severity make the report fail; nothing is thrown for them.
     */
    public LintReport lint() {
        return translate(() -> {
            try (Database db = database()) {
                return LintReport.of(Lint.run(project(), db.dialect(), Lint.pending(project(), db, "heads")));
            }
        });
    }

    /**
     * {@code retort lint --dialect D [--all | RANGE]}, with no database: every revision ({@code range} null), a
     * {@code FROM:TO} range or one revision, for the named dialect (null: the configured URL's).
     */
    public LintReport lint(String range, String dialect) {
        return translate(() -> {
            List<String> revisions = range == null ? Lint.all(project()) : Lint.range(project(), range);
            return LintReport.of(Lint.run(project(), dialect != null ? Dialects.byName(dialect) : Dialects.forUrl(config().url()), revisions));
        });
    }

    @Override public void close() { workspace.close(); }

    // ---- wiring -----------------------------------------------------------------------------------

    private List<StepResult> migrate(Direction direction, String target) {
        return translate(() -> {
            try (Database db = database()) {
                if (direction == Direction.UPGRADE) lintBeforeUpgrade(db, target);
                List<Step> steps = Migrate.online(project(), db, direction, target, progress);
                List<StepResult> out = new ArrayList<>(steps.size());
                for (Step s : steps) out.add(new StepResult(s.revision().id(), s.direction() == Direction.UPGRADE, MigrationRunner.stepLine(s)));
                return out;
            }
        });
    }

    /**
     * {@code lint = warning|error}: the pending revisions are linted first and every finding is reported; with {@code error}
     * an error finding stops the upgrade before anything runs.
     */
    private void lintBeforeUpgrade(Database db, String target) {
        LintSettings.Mode mode = config().lint().mode();
        if (mode == LintSettings.Mode.OFF) return;
        LintReport report = LintReport.of(Lint.run(project(), db.dialect(), Lint.pending(project(), db, target)));
        if (mode == LintSettings.Mode.ERROR && !report.passed())
            throw new RetortException.LintError("lint = error (" + config().origin("lint") + ") and lint found " + report.errors().size()
                    + " error(s) in the pending revisions, so nothing was upgraded:\n" + report.text().stripTrailing()
                    + "\nfix them, silence one that was checked by hand with safetyAssured { } or // retort:nolint CODE, "
                    + "or change its severity with lint.CODE in retort.ini", report);
        report.findings().forEach(f -> progress.accept("lint " + f.text()));
    }

    /** Scripts are read on the first command only: an application migrates once at start-up. */
    Project project() {
        if (project == null) project = workspace.project().withCodeHooks(hooks);
        return project;
    }

    /** The configuration of the one database this engine migrates. */
    RetortConfig config() { return workspace.single(); }

    Consumer<String> progress() { return progress; }

    /** Loads the environment script before connecting, and prepares each connection with its configureConnection. */
    private Database database() {
        return workspace.database(project().environment());
    }

    private static List<RevisionInfo> info(List<Status.RevisionView> views) {
        return views.stream().map(v -> new RevisionInfo(v.id(), v.parents(), v.branchLabels(), v.message(), v.head(), v.path())).toList();
    }

    /** The one place internal failures become the API's typed exceptions. */
    static <T> T translate(Supplier<T> call) {
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
