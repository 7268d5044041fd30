package dev.retort.internal.command;

import dev.retort.dsl.env.EnvironmentHooks;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.Squashes;
import dev.retort.internal.script.CompileProgress;
import dev.retort.internal.script.Environment;
import dev.retort.internal.script.EnvironmentScript;
import dev.retort.internal.script.PrecompiledRevisions;
import dev.retort.internal.script.RevisionLoader;
import dev.retort.internal.script.ScriptCompileCache;
import dev.retort.internal.script.RevisionSource;
import dev.retort.internal.script.ScriptException;
import dev.retort.internal.script.SourceIndex;
import dev.retort.internal.script.VersionScanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project opened for a command: its configuration, its revision scripts (headers only) and their graph, as a fresh
 * database sees it; {@link #atRows} gives the graph a database at some version rows sees, which differs only around squashes.
 */
public final class Project {
    private final RetortConfig config;
    private final Map<String, RevisionSource> sources;
    private final Squashes.View view;
    private final RevisionGraph graph;
    /** Built on first use: commands that only read the graph (heads, history, a no-op upgrade) never set up the compilers. */
    private final java.util.function.Supplier<RevisionLoader> loader;
    /** The project as opened, which owns the environment; itself, or the project a database view was made from. */
    private final Project opened;
    private EnvironmentHooks codeHooks = EnvironmentHooks.NONE;
    private Environment environment;

    private Project(RetortConfig config, List<RevisionSource> scanned, java.util.function.Supplier<RevisionLoader> loader) {
        this.config = config;
        this.loader = loader;
        this.opened = this;
        this.sources = new LinkedHashMap<>();
        for (RevisionSource s : scanned) sources.put(s.revision().id(), s);
        for (RevisionSource s : scanned)
            for (String parent : s.revision().downRevisions())
                if (!sources.containsKey(parent) && prunedBy(parent).isEmpty())
                    throw new ScriptException(s.file(), 0, "revision " + s.revision().id() + " revises '" + parent
                            + "', which is not in any version location; fix 'revises' or restore that revision's file");
        this.view = withFiles(() -> Squashes.fresh(revisionsOfFiles()));
        this.graph = view.graph();
    }

    /** The same project as a database at some version rows sees it (squashes resolved for where it is). */
    private Project(Project opened, Squashes.View view) {
        this.config = opened.config;
        this.loader = opened.loader;
        this.opened = opened;
        this.sources = opened.sources;
        this.view = view;
        this.graph = view.graph();
    }

    private List<Revision> revisionsOfFiles() { return sources.values().stream().map(RevisionSource::revision).toList(); }

    /**
     * The project as a database at these version rows sees it: a squash stands in for its run unless the database is inside
     * the run (see {@link Squashes}). Without squashes, this project itself.
     */
    public Project atRows(List<String> storedRows) {
        Project base = opened;
        // Without squashes every database sees the same graph: only the rows change.
        if (base.sources.values().stream().noneMatch(s -> s.revision().isSquash()))
            return new Project(base, new Squashes.View(base.graph, List.copyOf(new java.util.LinkedHashSet<>(storedRows)), List.of(), List.of(), Map.of()));
        return new Project(base, withFiles(() -> Squashes.of(revisionsOfFiles(), storedRows)));
    }

    /** The project with every squash set aside (the revisions as before any squash), the stored rows read in its terms. */
    public Project originalsAt(List<String> storedRows) {
        return new Project(opened, withFiles(() -> Squashes.originals(revisionsOfFiles(), storedRows)));
    }

    /** Whether a revision has a file here but is out of this graph, replaced by a squash that stands in for it. */
    public boolean isReplaced(String id) { return sources.containsKey(id) && !graph.contains(id); }

    /** A revision id as this graph reads it: a replaced one as its squash, a set-aside squash as its run's end; others as given. */
    public String translate(String id) { return view.renamed().getOrDefault(id, id); }

    /** The rows this project's graph reads them as; for a project from {@link #atRows}, the given rows translated. */
    public List<String> rows() { return view.rows(); }

    /** Which squashes stand in for their runs, which are set aside, and which squash replaces a revision. */
    public Squashes.View squashes() { return view; }

    /** Graph errors name revisions; the user also needs their files. */
    private <T> T withFiles(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (dev.retort.internal.graph.GraphException e) {
            List<String> files = e.revisions().stream().filter(sources::containsKey).map(id -> sources.get(id).file().toString()).toList();
            if (files.isEmpty()) throw e;
            throw new dev.retort.internal.graph.GraphException(e.getMessage() + " (in " + String.join(", ", files) + ")", e.revisions());
        }
    }

    /** Compiled revisions are looked up in the configured {@code compiled_revisions} and on this class's classpath. */
    public static Project open(RetortConfig config) {
        return open(config, PrecompiledRevisions.of(Project.class.getClassLoader(), config.compiledRevisions()));
    }

    public static Project open(RetortConfig config, PrecompiledRevisions precompiled) {
        return open(config, precompiled, CompileProgress.NONE);
    }

    /** As above, telling {@code compiling} how compiling the revisions that are not cached goes. */
    public static Project open(RetortConfig config, PrecompiledRevisions precompiled, CompileProgress compiling) {
        return open(config, () -> RevisionLoader.standard(config.cacheDir(), precompiled, compiling));
    }

    public static Project open(RetortConfig config, RevisionLoader loader) { return open(config, () -> loader); }

    private static Project open(RetortConfig config, java.util.function.Supplier<RevisionLoader> loader) {
        // Headers of files unchanged since the last run come from the index in the cache folder, without reading them.
        SourceIndex index = SourceIndex.open(config.cacheDir(), config.versionLocations());
        return new Project(config, VersionScanner.scan(config.versionLocations(), config.recursiveVersionLocations(), index),
                once(() -> loader.get().withNaming(config.namingConvention())));
    }

    private static java.util.function.Supplier<RevisionLoader> once(java.util.function.Supplier<RevisionLoader> build) {
        return new java.util.function.Supplier<>() {
            private RevisionLoader built;
            @Override public synchronized RevisionLoader get() {
                if (built == null) built = build.get();
                return built;
            }
        };
    }

    public RetortConfig config() { return config; }
    public RevisionGraph graph() { return graph; }
    public RevisionLoader loader() { return loader.get(); }

    /** Every revision's script, in the order the scan found them. */
    public List<RevisionSource> sources() { return List.copyOf(sources.values()); }

    public RevisionSource source(String id) {
        RevisionSource s = sources.get(id);
        if (s == null) throw new IllegalArgumentException("no revision " + id);
        return s;
    }

    public Revision revision(String id) { return graph.get(id); }

    /** Hooks an application registers in code; they run after the environment script's. Call before {@link #environment()}. */
    public Project withCodeHooks(EnvironmentHooks hooks) {
        if (opened != this) { opened.withCodeHooks(hooks); return this; }
        if (environment != null) throw new IllegalStateException("the environment is already loaded");
        codeHooks = hooks;
        return this;
    }

    /**
     * The environment script's hooks (and the application's), loaded on first use: commands that only read the graph
     * never compile it, and a command that needs it loads it before it connects or runs anything.
     */
    public Environment environment() {
        if (opened != this) return opened.environment();
        if (environment == null)
            environment = EnvironmentScript.load(config.configFile(), config.section(), new ScriptCompileCache(config.cacheDir())).and(codeHooks);
        return environment;
    }

    /** Whether a revision has a file here (a replaced one included). */
    public boolean isKnown(String id) { return sources.containsKey(id); }

    /** The squash whose header still names a revision that 'squash --prune' deleted, if any. */
    public java.util.Optional<String> prunedBy(String id) {
        if (sources.containsKey(id)) return java.util.Optional.empty();
        for (RevisionSource s : sources.values())
            if (s.revision().replaces().contains(id)) return java.util.Optional.of(s.revision().id());
        return java.util.Optional.empty();
    }

    public boolean isPruned(String id) { return prunedBy(id).isPresent(); }

    /** Heads read from a database must all be revisions this project has a file for (a replaced one included). */
    public void checkKnown(List<String> databaseHeads) {
        for (String h : databaseHeads) {
            java.util.Optional<String> squash = prunedBy(h);
            if (squash.isPresent() && !Squashes.prunedEnd(sources.get(squash.get()).revision(), h))
                throw new dev.retort.internal.graph.GraphException("the database is at revision " + h + ", inside the run that squash "
                        + squash.get() + " replaced and whose files were pruned; restore the replaced files from version control, "
                        + "run 'retort upgrade' to go past the run, then prune again", List.of(h));
            if (!sources.containsKey(h) && squash.isEmpty())
                throw new dev.retort.internal.graph.GraphException("the database is at revision " + h + ", which is not in "
                        + config.versionLocations() + "; restore that revision's file, or use 'retort stamp' to reset the version table");
        }
    }
}
