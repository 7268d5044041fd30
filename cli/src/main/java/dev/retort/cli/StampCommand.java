package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.command.Stamp;
import dev.retort.internal.db.Database;
import dev.retort.dsl.dialect.Dialects;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "stamp", mixinStandardHelpOptions = true, description = "Set the version table to the given revision(s) without running any migration.")
final class StampCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--sql", description = "print the SQL instead of running it; FROM:TO names the starting revision") boolean sql;
    @Option(names = "--dialect", description = "dialect for --sql when there is no URL") String dialect;
    @Option(names = "--purge", description = "delete every row of the version table first") boolean purge;
    @Parameters(paramLabel = "REV", arity = "1..*") List<String> revisions;

    @Override public Integer call() {
        Project project = root.workspace().project();
        if (sql) {
            if (dialect != null) RetortCli.dialectNamed(dialect);
            var d = dialect != null ? Dialects.byName(dialect) : Dialects.forUrl(project.config().url());
            Stamp.offline(project, d, revisions, purge, root.out);
            return 0;
        }
        try (Database db = root.workspace().database()) {
            List<String> rows = Stamp.online(project, db, revisions, purge, root::progress);
            root.progress("Stamped " + (rows.isEmpty() ? "base (no rows)" : String.join(", ", rows)));
        }
        return 0;
    }
}
