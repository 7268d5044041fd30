package dev.retort.cli;

import dev.retort.command.*;
import dev.retort.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;

    @Override public Integer call() {
        Project project = root.project();
        try (Database db = root.database(project.config())) {
            root.print(Status.current(project, db), v -> verbose ? v.shortForm() + "\n    path: " + v.path() + "\n    " + v.message() : v.shortForm());
        }
        return 0;
    }
}
