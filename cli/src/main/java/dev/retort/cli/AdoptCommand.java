package dev.retort.cli;

import dev.retort.internal.adopt.Adopt;
import dev.retort.internal.adopt.MigrationTool;
import dev.retort.internal.db.Database;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = "Take over a database that Alembic, Flyway or Liquibase manages: read its history and stamp the matching revision.")
final class AdoptCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--from", required = true, paramLabel = "TOOL", description = "alembic, flyway or liquibase") String from;
    @Option(names = "--at", paramLabel = "REV",
            description = "the revision to stamp; default: the one whose header says adopts 'TOOL:VERSION' for the version the database is at")
    String at;

    @Override public Integer call() {
        MigrationTool tool;
        try {
            tool = MigrationTool.byName(from);
        } catch (IllegalArgumentException e) {
            throw new Errors.BadUsage(e.getMessage());
        }
        var project = root.workspace().project();
        try (Database db = root.workspace().database()) {
            List<String> rows = Adopt.run(project, db, tool, at, root::progress);
            root.progress("Stamped " + String.join(", ", rows) + "; from now on run retort upgrade instead of " + tool.toolName());
        }
        return 0;
    }
}
