package dev.retort.cli;

import dev.retort.internal.command.Status;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the head revisions of the scripts.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-v", "--verbose"}) boolean verbose;
    @Option(names = "--resolve-dependencies", description = "treat dependencies as down revisions: hide heads others depend on")
    boolean resolveDependencies;

    @Override public Integer call() {
        root.print(Status.heads(root.workspace().project(), resolveDependencies), v -> verbose ? v.logEntry() : v.headsLine());
        return 0;
    }
}
