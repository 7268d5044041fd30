package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Status;
import dev.retort.internal.db.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the revision(s) a symbol names: an id, a prefix, head, heads, LABEL@head, current.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Parameters(paramLabel = "REV") String rev;

    @Override public Integer call() {
        Project project = root.workspace().project();
        List<String> rows = List.of();
        if (rev.equals("current"))
            try (Database db = root.workspace().database()) {
                rows = Status.currentRows(project, db);
            }
        root.print(Status.show(project, rev, rows), Status.RevisionView::logEntry);
        return 0;
    }
}
