package dev.retort.command;

import dev.retort.config.RetortConfig;
import dev.retort.graph.GraphException;
import dev.retort.graph.RevisionGraph;
import dev.retort.script.ScriptLanguage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code revision -m MSG}: writes a new revision file on top of the current head (or the heads named). */
public final class NewRevision {
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param heads       the revisions it revises; empty means "the single current head"; {@code base} makes a root
     * @param upgrades    body of the upgrade block (autogenerate), or null for the template's placeholder
     * @param downgrades  body of the downgrade block, or null to leave the block out
     */
    public record Request(String message, ScriptLanguage language, List<String> heads, List<String> branchLabels,
                          List<String> dependsOn, String revId, Path versionPath, String upgrades, String downgrades) {}

    private NewRevision() {}

    public static Path create(Project project, Request request, ZonedDateTime now) {
        RetortConfig config = project.config();
        RevisionGraph graph = project.graph();
        String rev = request.revId() != null ? request.revId() : HexFormat.of().formatHex(randomBytes());
        if (graph.contains(rev)) throw new GraphException("revision id " + rev + " already exists");
        List<String> parents = parents(graph, request.heads());
        ScriptLanguage language = request.language() != null ? request.language() : config.language();
        Path folder = RevisionFolder.choose(project, request.versionPath(), parents);
        ZonedDateTime when = now.withZoneSameInstant(ZoneId.of(config.timezone()));
        String name = FileNameTemplate.render(config.fileTemplate(), rev, request.message(), when, config.truncateSlugLength())
                + language.extension();

        Map<String, Object> vars = new LinkedHashMap<>(config.xArguments());
        vars.put("rev", rev);
        vars.put("downRevisions", parents);
        vars.put("downRevision", String.join(", ", parents));
        vars.put("message", request.message());
        vars.put("createDate", when.toLocalDateTime().withNano(0).toString().replace('T', ' '));
        vars.put("branchLabels", request.branchLabels());
        vars.put("dependsOn", request.dependsOn());
        vars.put("upgrades", request.upgrades());
        vars.put("downgrades", request.downgrades());
        String text = RevisionTemplates.render(RevisionTemplates.load(config, language), vars, language);
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            if (Files.exists(file)) throw new IllegalStateException(file + " already exists");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new revision in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parents(RevisionGraph graph, List<String> heads) {
        if (heads.size() == 1 && heads.get(0).equals("base")) return List.of();
        if (!heads.isEmpty()) return heads.stream().map(h -> h.equals("head") ? single(graph) : graph.resolve(h).id()).toList();
        return graph.size() == 0 ? List.of() : List.of(single(graph));
    }

    private static String single(RevisionGraph graph) {
        List<String> heads = graph.heads();
        if (heads.size() > 1)
            throw new GraphException("Multiple heads are present (" + String.join(", ", heads) + "); name the head the new "
                    + "revision builds on with --head REV, or merge them first with 'retort merge -m MESSAGE heads'");
        return heads.get(0);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
