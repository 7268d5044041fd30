package dev.retort.internal.adopt;

import dev.retort.internal.command.Project;
import dev.retort.internal.script.HeaderReader;
import dev.retort.internal.script.RevisionSource;
import dev.retort.internal.script.ScriptException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which revision of a project takes over which version of another tool: the {@code adopts 'tool:version'} headers. */
final class Adoptions {
    private Adoptions() {}

    /** Revision ids by the versions of {@code tool} they adopt, as written after {@code tool:}. */
    static Map<String, String> of(Project project, String tool) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = tool + ":";
        for (RevisionSource source : project.sources()) {
            String text;
            try {
                text = Files.readString(source.file(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ScriptException(source.file(), 0, "cannot read: " + e.getMessage(), e);
            }
            for (String adopted : HeaderReader.adopts(source.file(), text)) {
                if (!adopted.startsWith(prefix)) continue;
                String version = adopted.substring(prefix.length());
                String before = out.put(version, source.revision().id());
                if (before != null)
                    throw new ScriptException(source.file(), 0, "revisions " + before + " and " + source.revision().id() + " both say adopts '"
                            + adopted + "'; one version of " + tool + " is taken over by one revision: remove it from one of them");
            }
        }
        return out;
    }

    /** Flyway's adoptions by version, so that {@code 1.0}, {@code 1} and {@code 1_0} are one version. */
    static Map<FlywayVersion, String> flyway(Project project) {
        Map<FlywayVersion, String> out = new java.util.TreeMap<>();
        of(project, "flyway").forEach((version, rev) -> {
            if (!FlywayVersion.isVersion(version))
                throw new IllegalArgumentException("revision " + rev + " says adopts 'flyway:" + version + "', which is not a Flyway version "
                        + "(digits separated by . or _, e.g. flyway:1.2)");
            String before = out.put(FlywayVersion.parse(version), rev);
            if (before != null)
                throw new IllegalArgumentException("revisions " + before + " and " + rev + " both adopt flyway:" + version + "; keep it on one of them");
        });
        return out;
    }
}
