package dev.retort.internal.squash;

import dev.retort.dsl.dialect.Dialect;
import dev.retort.dsl.dialect.Dialects;
import dev.retort.dsl.op.Operation;
import dev.retort.internal.autogen.Autogenerate;
import dev.retort.internal.autogen.SourceRenderer;
import dev.retort.internal.command.NewRevision;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.RevisionTemplates;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.graph.Planner;
import dev.retort.internal.graph.RevisionGraph;
import dev.retort.internal.graph.SquashRange;
import dev.retort.internal.script.HeaderReader;
import dev.retort.internal.script.LoadedRevision;
import dev.retort.internal.script.RevisionSource;
import dev.retort.internal.script.ScriptLanguage;
import dev.retort.internal.command.Migrate;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.DatabaseException;
import dev.retort.internal.db.MigrationLock;
import dev.retort.internal.db.VersionTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code squash FROM TO -m MSG}: writes one revision, in the project's language, equal in effect to the linear run FROM..TO.
 * Its upgrade is computed from the operations through the offline schema (see {@link SquashedOperations}), its downgrade
 * the same way from the run's downgrades, taken newest first; its header revises FROM's parent and says
 * {@code replaces 'FROM', …, 'TO'}. How databases then choose between the squash and the originals is the graph's
 * business ({@link dev.retort.internal.graph.Squashes}).
 */
public final class Squash {
    private Squash() {}

    /** What was written. */
    public record Written(Path file, String id, SquashRange range) {}

    /** @param revId the new revision's id, or null for a random one */
    public static Written write(Project project, String from, String to, String message, String revId, ZonedDateTime now) {
        RevisionGraph graph = project.graph();
        SquashRange range = SquashRange.of(graph, from, to);
        for (String id : range.revisions())
            if (project.squashes().inUse().contains(id))
                throw new GraphException("Cannot squash " + range.from() + ".." + range.to() + ": " + id + " is itself a squash whose "
                        + "replaced revisions are still present; run 'retort squash --prune' first, then squash again", List.of(id));

        List<String> earlier = range.parent() == null ? List.of() : new Planner(graph).upgradeSet(List.of(), range.parent());
        List<RevisionSource> sources = new ArrayList<>();
        earlier.forEach(id -> sources.add(project.source(id)));
        range.revisions().forEach(id -> sources.add(project.source(id)));
        // One batch, so Kotlin scripts compile in one compiler session.
        List<LoadedRevision> loaded = project.loader().loadAll(sources);
        List<Operation> before = new ArrayList<>();
        for (LoadedRevision l : loaded.subList(0, earlier.size())) before.addAll(l.upgrade());
        List<LoadedRevision> run = loaded.subList(earlier.size(), loaded.size());

        List<SquashedOperations.Located> up = new ArrayList<>();
        List<Operation> upOnly = new ArrayList<>();
        for (LoadedRevision l : run)
            for (LoadedRevision.Located op : l.locatedUpgrade()) {
                up.add(new SquashedOperations.Located(op.operation(), scriptPath(project, l), op.line()));
                upOnly.add(op.operation());
            }
        List<SquashedOperations.Located> down = new ArrayList<>();
        for (int i = run.size() - 1; i >= 0; i--)
            for (LoadedRevision.Located op : run.get(i).locatedDowngrade())
                down.add(new SquashedOperations.Located(op.operation(), scriptPath(project, run.get(i)), op.line()));
        List<Operation> afterRun = new ArrayList<>(before);
        afterRun.addAll(upOnly);

        List<Operation> upgrade = sameOnEveryDatabase(range, before, up, "upgrade");
        List<Operation> downgrade = sameOnEveryDatabase(range, afterRun, down, "downgrade");

        ScriptLanguage language = project.config().language();
        SourceRenderer renderer = Autogenerate.renderer(language);
        var request = new NewRevision.Request(message, language, List.of(range.parent() == null ? "base" : range.parent()), List.of(),
                List.of(), revId, null, renderer.render(upgrade), renderer.render(downgrade), true);
        Path file = NewRevision.create(project, request, now);
        String id = addHeader(file, range, language);
        return new Written(file, id, range);
    }

    /**
     * Folds the run for every dialect: the history before the run may hold {@code onDialect} blocks, and one squash must
     * do the same on every database, so differing results are refused.
     */
    private static List<Operation> sameOnEveryDatabase(SquashRange range, List<Operation> before, List<SquashedOperations.Located> run, String what) {
        List<Operation> first = null;
        String firstDialect = null;
        for (Dialect d : Dialects.all()) {
            List<String> refusals = new ArrayList<>();
            List<Operation> ops = SquashedOperations.fold(d.name(), before, run, refusals);
            if (!refusals.isEmpty())
                throw new GraphException("Cannot squash " + range.from() + ".." + range.to() + ": the " + what + " of the run has "
                        + (refusals.size() == 1 ? "an operation" : refusals.size() + " operations") + " a squash cannot carry:\n  "
                        + String.join("\n  ", refusals) + "\nSquash the revisions before and after "
                        + (refusals.size() == 1 ? "it" : "them") + " separately instead.", range.revisions());
            if (first == null) { first = ops; firstDialect = d.name(); }
            else if (!first.equals(ops))
                throw new GraphException("Cannot squash " + range.from() + ".." + range.to() + ": the tables it starts from differ between "
                        + firstDialect + " and " + d.name() + " (onDialect blocks before the run), so one squash cannot serve both", range.revisions());
        }
        return first;
    }

    private static Path scriptPath(Project project, LoadedRevision l) {
        Path file = l.source().file();
        Path here = project.config().here();
        Path absolute = file.toAbsolutePath().normalize();
        return here != null && absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    /**
     * Adds {@code replaces} (and the run's branch labels) under the {@code revises} line, or under {@code revision} for a new
     * root: the revision template, which a project may have its own of, knows nothing of squashes.
     */
    private static String addHeader(Path file, SquashRange range, ScriptLanguage language) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String header = headerLine("replaces", range.revisions(), language)
                    + (range.branchLabels().isEmpty() ? "" : headerLine("branchLabels", range.branchLabels(), language));
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.startsWith("revises")) { at = i; break; }
                if (at < 0 && l.startsWith("revision")) at = i;
                if (l.startsWith("branchLabels") && !range.branchLabels().isEmpty())
                    throw new GraphException("the revision template wrote branch labels into " + file + "; squash sets them itself");
            }
            lines.add(at + 1, header.substring(0, header.length() - 1));
            String updated = String.join("\n", lines);
            var revision = HeaderReader.read(file, updated);
            if (!revision.replaces().equals(range.revisions()))
                throw new IllegalStateException("the squash header in " + file + " does not read back as written; check the revision template");
            Files.writeString(file, updated, StandardCharsets.UTF_8);
            return revision.id();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the squash header into " + file + ": " + e.getMessage(), e);
        }
    }

    /** What {@code --prune} did for one squash. */
    public record Pruned(String squash, List<Path> deleted) {}

    /**
     * {@code squash --prune}: deletes the files of every revision a squash replaces, once the database is at none of them.
     * A database at the end of a run is at the squash, and its row is rewritten to say so. No other file changes (their
     * checksums stay valid): the squash keeps its {@code replaces} header, so a revision that revises the run's last
     * revision reads as revising the squash, {@code validate} knows the replaced revisions' history rows are gone on
     * purpose, and a database elsewhere that still names the run's last revision reads as at the squash.
     */
    public static List<Pruned> prune(Project project, Database database, Consumer<String> waiting) {
        List<String> squashes = project.squashes().inUse();
        if (squashes.isEmpty())
            throw new GraphException("No squash has replaced revisions left to delete; 'retort squash FROM TO -m MESSAGE' writes one");
        VersionTable versionTable = new VersionTable(database.dialect(), project.config().versionTable());
        try (MigrationLock lock = MigrationLock.forDatabase(database, project.config().versionTable())) {
            lock.acquire(project.config().lockTimeout(), waiting);
            try (Connection c = database.connection()) {
                List<String> stored = versionTable.heads(c);
                project.checkKnown(stored);
                for (String s : squashes) {
                    List<String> replaced = project.revision(s).replaces();
                    for (String row : stored)
                        if (replaced.contains(row) && !row.equals(replaced.get(replaced.size() - 1)))
                            throw new GraphException("Cannot prune squash " + s + ": the database " + Database.safeUrl(project.config().url())
                                    + " is at revision " + row + ", inside the run it replaces, and needs that file to go on; run "
                                    + "'retort upgrade' to take it to " + replaced.get(replaced.size() - 1) + " or later, then prune", List.of(row));
                }
                Migrate.recordSquashes(c, versionTable, stored, project.atRows(stored));
            } catch (SQLException e) {
                throw new DatabaseException("cannot read the version table " + versionTable.name() + ": " + e.getMessage(), e);
            }
        }
        List<Pruned> out = new ArrayList<>();
        for (String s : squashes) out.add(deleteReplaced(project, s));
        return out;
    }

    private static Pruned deleteReplaced(Project project, String squash) {
        List<Path> deleted = new ArrayList<>();
        for (String id : project.revision(squash).replaces()) {
            Path file = project.source(id).file();
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
            }
            deleted.add(file);
        }
        return new Pruned(squash, deleted);
    }

    private static String headerLine(String key, List<String> values, ScriptLanguage language) {
        String args = values.stream().map(v -> RevisionTemplates.literal(v, language)).collect(Collectors.joining(", "));
        return (language == ScriptLanguage.GROOVY ? key + " " + args : key + "(" + args + ")") + "\n";
    }
}
