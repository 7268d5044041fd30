package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import dev.retort.internal.graph.GraphDiagram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Write the revision graph for Graphviz (dot) or a Markdown page (mermaid).")
final class GraphCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--format", paramLabel = "dot|mermaid", defaultValue = "dot", description = "dot (Graphviz) or mermaid; default dot")
    String format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE instead of stdout; a mermaid graph in a .md file is wrapped in a ```mermaid block")
    Path output;

    @Override public Integer call() {
        if (!format.equals("dot") && !format.equals("mermaid"))
            throw new Errors.BadUsage("--format " + format + " is not a graph format; use dot (Graphviz) or mermaid (Markdown pages)");
        Project project = root.workspace().project();
        // The graph the database sees: inside a squash's run, the originals; elsewhere, the squash in their place.
        Project seen = project.atRows(currentRows(root, project));
        String text = format.equals("dot") ? GraphDiagram.dot(seen.graph(), seen.rows()) : GraphDiagram.mermaid(seen.graph(), seen.rows());
        if (output == null) {
            root.out.print(text);
            root.out.flush();
            return 0;
        }
        if (format.equals("mermaid") && output.getFileName().toString().endsWith(".md")) text = "```mermaid\n" + text + "```\n";
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graph to " + output.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        root.progress("Wrote the revision graph to " + output);
        return 0;
    }

    /**
     * The database's version-table rows, for marking the current revisions, when a database is configured ({@code url}
     * set anywhere but the default). One that cannot be reached is no error here: the graph is drawn without them, and
     * stderr says so.
     */
    static List<String> currentRows(RetortCli root, Project project) {
        if (!project.config().origins().containsKey("url")) return List.of();
        try (Database db = root.workspace().database()) {
            return Status.currentRows(project, db);
        } catch (RuntimeException e) {
            root.err.println("note: cannot read the current revisions from " + Database.safeUrl(project.config().url()) + " ("
                    + Errors.describe(e) + "); the graph is drawn without them");
            return List.of();
        }
    }
}
