package dev.retort.cli;

import dev.retort.internal.graph.Direction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "downgrade", mixinStandardHelpOptions = true, description = "Revert to a previous revision: -N, base, REV, LABEL@base; FROM:TO with --sql.")
final class DowngradeCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--sql") boolean sql;
    @Option(names = "--dialect") String dialect;
    @Parameters(paramLabel = "TARGET") String target;

    @Override public Integer call() { return root.migrate(Direction.DOWNGRADE, target, sql, dialect); }
}
