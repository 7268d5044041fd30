package dev.retort.cli;

import dev.retort.command.*;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", description = "Show the head revisions of the scripts.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;

    @Override public Integer call() {
        root.print(Status.heads(root.project()), v -> verbose ? v.shortForm() + "\n    path: " + v.path() + "\n    " + v.message() : v.shortForm());
        return 0;
    }
}
