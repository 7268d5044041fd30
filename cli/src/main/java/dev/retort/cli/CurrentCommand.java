package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;
    @Option(names = "--check-heads", description = "exit 1 unless every head revision is applied") boolean checkHeads;

    @Override public Integer call() {
        Project project = root.workspace().project();
        List<String> rows;
        try (Database db = root.workspace().database()) {
            rows = Status.currentRows(project, db);
        }
        if (verbose && !root.json) root.out.println("Current revision(s) for " + Database.safeUrl(project.config().url()) + ":");
        root.print(Status.current(project, rows), v -> verbose ? v.logEntry() : v.currentLine());
        if (checkHeads) {
            List<String> missing = Status.missingHeads(project, rows);
            if (!missing.isEmpty()) {
                root.err.println("error: the database is not at all head revisions: " + String.join(", ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " not applied; run 'retort upgrade heads'");
                return 1;
            }
        }
        return 0;
    }
}
