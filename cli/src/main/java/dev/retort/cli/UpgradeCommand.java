package dev.retort.cli;

import dev.retort.internal.graph.Direction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Upgrade to a later revision: head, heads, +N, REV, LABEL@head; FROM:TO with --sql.")
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--sql", description = "print the SQL instead of running it") boolean sql;
    @Option(names = "--dialect", description = "dialect for --sql when there is no URL") String dialect;
    @Parameters(paramLabel = "TARGET", defaultValue = "head") String target;

    @Override public Integer call() { return root.migrate(Direction.UPGRADE, target, sql, dialect); }
}
