package dev.retort.cli;

import dev.retort.command.*;
import dev.retort.db.Database;
import dev.retort.graph.Direction;
import dev.retort.script.ScriptLanguage;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.retort.db.HistoryRow;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;

    @Override public Integer call() {
        Project project = root.project();
        Map<String, HistoryRow> runs = verbose ? appliedRuns(project) : Map.of();
        root.print(Status.history(project), v -> verbose
                ? "Rev: " + v.shortForm() + (v.mergePoint() ? " (mergepoint)" : "") + (v.branchPoint() ? " (branchpoint)" : "")
                  + "\nParent: " + (v.parents().isEmpty() ? "<base>" : String.join(", ", v.parents()))
                  + "\nPath: " + v.path()
                  + (runs.containsKey(v.id()) ? "\n" + AppliedRuns.describe(runs.get(v.id())) : "")
                  + "\n\n    " + v.message() + "\n"
                : v.historyLine());
        return 0;
    }

    /** Best effort: the graph is shown even when the database cannot be reached. */
    private Map<String, HistoryRow> appliedRuns(Project project) {
        try (Database db = root.database(project.config())) {
            return AppliedRuns.read(project, db);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
