package dev.retort.internal.script;

import dev.retort.internal.naming.NamingConvention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles revisions on demand with the compiler of their language; a revision is compiled at most once per run. */
public final class RevisionLoader {
    private final Map<ScriptLanguage, RevisionCompiler> compilers = new EnumMap<>(ScriptLanguage.class);
    private final Map<String, LoadedRevision> loaded = new HashMap<>();
    private final NamingConvention naming;

    public RevisionLoader(List<RevisionCompiler> available) { this(available, NamingConvention.NONE); }

    private RevisionLoader(List<RevisionCompiler> available, NamingConvention naming) {
        for (RevisionCompiler c : available) compilers.put(c.language(), c);
        this.naming = naming;
    }

    /**
     * The same compilers, naming what revisions leave unnamed by {@code convention}. This is the one place the convention
     * is applied: every reader of a revision (the run online and offline, lint, squash) loads it here.
     */
    public RevisionLoader withNaming(NamingConvention convention) {
        return convention.equals(naming) ? this : new RevisionLoader(List.copyOf(compilers.values()), convention);
    }

    /** Both languages, sharing one compile cache in {@code cacheDir}. */
    public static RevisionLoader standard(Path cacheDir) { return standard(cacheDir, PrecompiledRevisions.none()); }

    /** Both languages: revisions shipped precompiled first, then one compile cache in {@code cacheDir}, then the compilers. */
    public static RevisionLoader standard(Path cacheDir, PrecompiledRevisions precompiled) {
        return standard(cacheDir, precompiled, CompileProgress.NONE);
    }

    /** As above, telling {@code progress} how compiling cache misses goes. */
    public static RevisionLoader standard(Path cacheDir, PrecompiledRevisions precompiled, CompileProgress progress) {
        CompiledScripts store = new CompiledScripts(precompiled, new ScriptCompileCache(cacheDir));
        return new RevisionLoader(List.of(new GroovyRevisionCompiler(store, progress),
                new KotlinRevisionCompiler(store, Math.max(1, Runtime.getRuntime().availableProcessors()), progress)));
    }

    public LoadedRevision load(RevisionSource source) { return loadAll(List.of(source)).get(0); }

    /**
     * The class files of the revisions, language by language in one batch each, compiling what is not stored yet; nothing
     * runs. Results in the given order.
     */
    public List<RevisionCompiler.CompiledRevision> compileAll(List<RevisionSource> sources) {
        Map<ScriptLanguage, List<RevisionSource>> byLanguage = new EnumMap<>(ScriptLanguage.class);
        for (RevisionSource s : sources) byLanguage.computeIfAbsent(s.language(), l -> new ArrayList<>()).add(s);
        Map<String, RevisionCompiler.CompiledRevision> byId = new HashMap<>();
        byLanguage.forEach((language, batch) -> {
            for (RevisionCompiler.CompiledRevision c : compiler(language, batch).compileAll(batch)) byId.put(c.source().revision().id(), c);
        });
        return sources.stream().map(s -> byId.get(s.revision().id())).toList();
    }

    private RevisionCompiler compiler(ScriptLanguage language, List<RevisionSource> batch) {
        RevisionCompiler compiler = compilers.get(language);
        if (compiler == null)
            throw new ScriptException(batch.get(0).file(), 0, language.configName() + " revisions are not supported by this build");
        return compiler;
    }

    /**
     * Loads the revisions, compiling those not yet loaded language by language in one batch each. Synchronized: a
     * fleet's targets run on several threads over one loader, so each revision still compiles once per run.
     */
    public synchronized List<LoadedRevision> loadAll(List<RevisionSource> sources) {
        Map<ScriptLanguage, List<RevisionSource>> pending = new EnumMap<>(ScriptLanguage.class);
        java.util.Set<String> queued = new java.util.HashSet<>();
        for (RevisionSource s : sources)
            if (!loaded.containsKey(s.revision().id()) && queued.add(s.revision().id()))
                pending.computeIfAbsent(s.language(), l -> new ArrayList<>()).add(s);
        pending.forEach((language, batch) -> {
            List<LoadedRevision> done = compiler(language, batch).loadAll(batch);
            for (LoadedRevision r : done) loaded.put(r.source().revision().id(), r.named(naming));
        });
        return sources.stream().map(s -> loaded.get(s.revision().id())).toList();
    }
}
