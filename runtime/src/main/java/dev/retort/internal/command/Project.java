package dev.retort.internal.command;

import dev.retort.dsl.env.EnvironmentHooks;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.graph.Revision;
import dev.retort.internal.graph.RevisionGraph;
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

/** A project opened for a command: its configuration, its revision scripts (headers only) and their graph. */
public final class Project {
    private final RetortConfig config;
    private final Map<String, RevisionSource> sources = new LinkedHashMap<>();
    private final RevisionGraph graph;
    private final RevisionLoader loader;
    private EnvironmentHooks codeHooks = EnvironmentHooks.NONE;
    private Environment environment;

    private Project(RetortConfig config, List<RevisionSource> scanned, RevisionLoader loader) {
        this.config = config;
        this.loader = loader;
        for (RevisionSource s : scanned) sources.put(s.revision().id(), s);
        for (RevisionSource s : scanned)
            for (String parent : s.revision().downRevisions())
                if (!sources.containsKey(parent))
                    throw new ScriptException(s.file(), 0, "revision " + s.revision().id() + " revises '" + parent
                            + "', which is not in any version location; fix 'revises' or restore that revision's file");
        this.graph = withFiles(() -> RevisionGraph.of(scanned.stream().map(RevisionSource::revision).toList()));
    }

    /** Graph errors name revisions; the user also needs their files. */
    private RevisionGraph withFiles(java.util.function.Supplier<RevisionGraph> build) {
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
        return open(config, RevisionLoader.standard(config.cacheDir(), precompiled, compiling));
    }

    public static Project open(RetortConfig config, RevisionLoader loader) {
        // Headers of files unchanged since the last run come from the index in the cache folder, without reading them.
        SourceIndex index = SourceIndex.open(config.cacheDir(), config.versionLocations());
        return new Project(config, VersionScanner.scan(config.versionLocations(), config.recursiveVersionLocations(), index), loader);
    }

    public RetortConfig config() { return config; }
    public RevisionGraph graph() { return graph; }
    public RevisionLoader loader() { return loader; }

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
        if (environment != null) throw new IllegalStateException("the environment is already loaded");
        codeHooks = hooks;
        return this;
    }

    /**
     * The environment script's hooks (and the application's), loaded on first use: commands that only read the graph
     * never compile it, and a command that needs it loads it before it connects or runs anything.
     */
    public Environment environment() {
        if (environment == null)
            environment = EnvironmentScript.load(config.configFile(), config.section(), new ScriptCompileCache(config.cacheDir())).and(codeHooks);
        return environment;
    }

    /** Heads read from a database must all be revisions this project knows. */
    public void checkKnown(List<String> databaseHeads) {
        for (String h : databaseHeads)
            if (!graph.contains(h))
                throw new dev.retort.internal.graph.GraphException("the database is at revision " + h + ", which is not in "
                        + config.versionLocations() + "; restore that revision's file, or use 'retort stamp' to reset the version table");
    }
}
