package dev.retort.cli;

import dev.retort.command.*;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;

    @Override public Integer call() {
        root.print(Status.history(root.project()), v -> verbose
                ? "Rev: " + v.shortForm() + (v.mergePoint() ? " (mergepoint)" : "") + (v.branchPoint() ? " (branchpoint)" : "")
                  + "\nParent: " + (v.parents().isEmpty() ? "<base>" : String.join(", ", v.parents()))
                  + "\nPath: " + v.path() + "\n\n    " + v.message() + "\n"
                : v.historyLine());
        return 0;
    }
}
