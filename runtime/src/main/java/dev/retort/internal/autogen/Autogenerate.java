package dev.retort.internal.autogen;

import dev.retort.internal.database.SchemaReflector;
import dev.retort.internal.command.NewRevision;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.MigrationLock;
import dev.retort.dsl.op.Operation;
import dev.retort.dsl.schema.SchemaModel;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.script.Environment;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code check} and {@code revision --autogenerate}: the model compared with the live database, as differences or as a revision. */
public final class Autogenerate {
    private Autogenerate() {}

    /**
     * The differences between the project's model and the database, in upgrade order; what the environment script's
     * {@code includeObject} rejects is left out on both sides.
     */
    public static List<Difference> differences(Project project, Database database) {
        RetortConfig config = project.config();
        Environment env = project.environment();
        SchemaModel model = ModelLoader.standard(config.cacheDir()).load(config.model());
        SchemaReflector reflector = SchemaReflector.forDialect(database.dialect());
        SchemaModel live;
        try (Connection c = database.connection()) {
            live = reflector.reflect(c, Set.of(config.versionTable(), config.historyTable(), MigrationLock.lockTable(config.versionTable())));
        } catch (SQLException e) {
            throw new dev.retort.internal.db.DatabaseException("cannot read the database schema: " + e.getMessage(), e);
        }
        return SchemaComparator.compare(IncludedObjects.keep(model, env, false), IncludedObjects.keep(live, env, true),
                SchemaComparator.Rules.reflected(reflector), config.namingConvention());
    }

    /**
     * Writes a revision holding the differences. Like Alembic, it refuses unless the database is at the head(s),
     * because differences against an older schema would repeat what pending revisions already do.
     */
    public static Path revision(Project project, Database database, NewRevision.Request request, ZonedDateTime now) {
        // In the graph's terms: a database at the end of a squashed run is at the squash.
        List<String> current = project.atRows(Status.currentHeads(project, database)).rows();
        List<String> heads = project.graph().heads();
        if (!new HashSet<>(current).equals(new HashSet<>(heads)))
            throw new GraphException("Target database is not up to date. It is at " + (current.isEmpty() ? "base" : String.join(", ", current))
                    + " and the head is " + (heads.isEmpty() ? "base" : String.join(", ", heads))
                    + "; run 'retort upgrade head' first, then autogenerate again");
        ScriptLanguage language = request.language() != null ? request.language() : project.config().language();
        SourceRenderer renderer = renderer(language);
        List<Difference> diffs = differences(project, database);
        List<Operation> up = diffs.stream().map(Difference::upgrade).toList();
        List<Operation> down = new ArrayList<>();
        for (int i = diffs.size() - 1; i >= 0; i--) down.add(diffs.get(i).downgrade());
        String upgrades = up.isEmpty() ? renderer.render(List.of()) + "    // no differences between the model and the database\n" : renderer.render(up);
        String downgrades = down.isEmpty() ? renderer.render(List.of()) : renderer.render(down);
        return NewRevision.create(project, new NewRevision.Request(request.message(), language, request.heads(), request.branchLabels(),
                request.dependsOn(), request.revId(), request.versionPath(), upgrades, downgrades), now);
    }

    /** The renderer for the revision's language. */
    public static SourceRenderer renderer(ScriptLanguage language) {
        return switch (language) {
            case GROOVY -> new GroovySourceRenderer();
            case KOTLIN -> new KotlinSourceRenderer();
        };
    }
}
