package dev.retort.cli;

import dev.retort.internal.command.AppliedRuns;
import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import dev.retort.internal.db.HistoryRow;
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

    @Override public Integer call() {
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
