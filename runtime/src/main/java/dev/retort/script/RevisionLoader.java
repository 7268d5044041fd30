package dev.retort.script;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Compiles revisions on demand with the compiler of their language; a revision is compiled at most once per run. */
public final class RevisionLoader {
    private final Map<ScriptLanguage, RevisionCompiler> compilers = new EnumMap<>(ScriptLanguage.class);
    private final Map<String, LoadedRevision> loaded = new java.util.HashMap<>();

    public RevisionLoader(List<RevisionCompiler> available) {
        for (RevisionCompiler c : available) compilers.put(c.language(), c);
    }

    public static RevisionLoader standard(java.nio.file.Path cacheDir) { return new RevisionLoader(List.of(new GroovyRevisionCompiler())); }

    public LoadedRevision load(RevisionSource source) {
        return loaded.computeIfAbsent(source.revision().id(), id -> {
            RevisionCompiler compiler = compilers.get(source.language());
            if (compiler == null)
                throw new ScriptException(source.file(), 0, source.language().configName() + " revisions are not supported by this build");
            return compiler.load(source);
        });
    }
}
