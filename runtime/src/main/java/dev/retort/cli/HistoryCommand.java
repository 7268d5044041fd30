package dev.retort.cli;

import dev.retort.command.Project;
import dev.retort.command.Status;
import dev.retort.db.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END", description = "only this range; 'current' is allowed on either side")
    String range;
    @Option(names = {"-v", "--verbose"}) boolean verbose;
    @Option(names = {"-i", "--indicate-current"}, description = "mark the revisions the database is at") boolean indicateCurrent;

    @Override public Integer call() {
        Project project = root.project();
        List<String> rows = List.of();
        if (indicateCurrent || (range != null && range.contains("current")))
            try (Database db = root.database(project.config())) {
                rows = Status.currentRows(project, db);
            }
        root.print(Status.history(project, range, rows, indicateCurrent), v -> verbose ? v.logEntry() : v.historyLine());
        return 0;
    }
}
