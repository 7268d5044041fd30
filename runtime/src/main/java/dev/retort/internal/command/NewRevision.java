package dev.retort.internal.command;

import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.RevisionParents;
import dev.retort.internal.script.ScriptLanguage;
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
     * @param heads       what it revises, as the user typed it ({@code head}, {@code base}, {@code heads}, {@code LABEL@head},
     *                    ids); empty means "the single current head"; {@code base} makes a root; several make a merge
     * @param upgrades    body of the upgrade block (autogenerate), or null for the template's placeholder
     * @param downgrades  body of the downgrade block, or null to leave the block out
     * @param splice      allow building on a revision that is not a head (a new branch from the middle)
     */
    public record Request(String message, ScriptLanguage language, List<String> heads, List<String> branchLabels,
                          List<String> dependsOn, String revId, Path versionPath, String upgrades, String downgrades,
                          boolean splice) {
        public Request {
            heads = List.copyOf(heads);
            branchLabels = List.copyOf(branchLabels);
            dependsOn = List.copyOf(dependsOn);
        }

        /** The request without {@code splice}: the new revision must build on heads. */
        public Request(String message, ScriptLanguage language, List<String> heads, List<String> branchLabels,
                       List<String> dependsOn, String revId, Path versionPath, String upgrades, String downgrades) {
            this(message, language, heads, branchLabels, dependsOn, revId, versionPath, upgrades, downgrades, false);
        }
    }

    private NewRevision() {}

    public static Path create(Project project, Request request, ZonedDateTime now) {
        RetortConfig config = project.config();
        RevisionGraph graph = project.graph();
        String rev = request.revId() != null ? request.revId() : HexFormat.of().formatHex(randomBytes());
        checkNewId(graph, rev);
        RevisionParents resolved = RevisionParents.resolve(graph, request.heads(), request.splice(), request.dependsOn(), request.branchLabels());
        List<String> parents = resolved.parents();
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
        vars.put("dependsOn", resolved.dependsOn());
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

    /** The revisions a request's new revision would revise, checked as {@link #create} checks them. */
    public static List<String> parentsOf(Project project, Request request) {
        return RevisionParents.resolve(project.graph(), request.heads(), request.splice(), request.dependsOn(), request.branchLabels()).parents();
    }

    private static void checkNewId(RevisionGraph graph, String rev) {
        for (char c : rev.toCharArray())
            if ("@-+:".indexOf(c) >= 0 || Character.isWhitespace(c))
                throw new GraphException("Character '" + c + "' is not allowed in revision identifier '" + rev
                        + "' (it is part of the target syntax: label@rev, rev+1, rev-1, FROM:TO); choose another --rev-id");
        if (graph.contains(rev)) throw new GraphException("Revision id " + rev + " already exists; choose another --rev-id");
        if (graph.labelled(rev).isPresent()) throw new GraphException("Revision id " + rev + " is already a branch label; choose another --rev-id");
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
