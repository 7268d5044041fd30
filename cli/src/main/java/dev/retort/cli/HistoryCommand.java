package dev.retort.cli;

import dev.retort.internal.command.AppliedRuns;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.HistoryRow;
import dev.retort.internal.graph.TerminalGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true, description = "List revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END", description = "only this range; 'current' is allowed on either side")
    String range;
    @Option(names = {"-v", "--verbose"}) boolean verbose;
    @Option(names = {"-i", "--indicate-current"}, description = "mark the revisions the database is at") boolean indicateCurrent;
    @Option(names = "--graph", description = "draw branches and merges as 'git log --graph' does, the database's current revisions marked")
    boolean graph;

    @Override public Integer call() {
        if (graph) return drawGraph();
        Project project = root.workspace().project();
        List<String> rows = List.of();
        if (indicateCurrent || (range != null && range.contains("current")))
            try (Database db = root.workspace().database()) {
                rows = Status.currentRows(project, db);
            }
        Map<String, HistoryRow> runs = verbose ? appliedRuns(project) : Map.of();
        root.print(Status.history(project, range, rows, indicateCurrent), v -> verbose ? withRun(v.logEntry(), runs.get(v.id())) : v.historyLine());
        return 0;
    }

    /** {@code --graph}: the lanes, then each revision's line with its labels, head and current marks. */
    private int drawGraph() {
        if (verbose || root.json) throw new Errors.BadUsage("history --graph draws lines for a terminal; it cannot be combined with -v or --json");
        Project project = root.workspace().project();
        List<String> rows = GraphCommand.currentRows(root, project);
        List<TerminalGraph.Node> nodes = Status.history(project, range, rows, true).stream()
                .map(v -> new TerminalGraph.Node(v.id(), v.parents(), graphText(v))).toList();
        TerminalGraph.draw(nodes).forEach(root.out::println);
        return 0;
    }

    /** {@code 3f2a1c9d0b7e (billing) (head) (current) (depends on 1975ea83b712), add email}. */
    private static String graphText(Status.RevisionView v) {
        String line = v.line(true, false, false, false);
        if (!v.dependsOn().isEmpty()) line += " (depends on " + String.join(", ", v.dependsOn()) + ")";
        return v.message().isEmpty() ? line : line + ", " + v.message();
    }

    /** Adds the {@code Applied: …} line of the revision's last run after the entry's header (before its blank line). */
    private static String withRun(String entry, HistoryRow run) {
        if (run == null) return entry;
        int blank = entry.indexOf("\n\n");
        return entry.substring(0, blank + 1) + AppliedRuns.describe(run) + "\n" + entry.substring(blank + 1);
    }

    /** Best effort: the graph is shown even when the database cannot be reached. */
    private Map<String, HistoryRow> appliedRuns(Project project) {
        try (Database db = root.workspace().database()) {
            return AppliedRuns.read(project, db);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
