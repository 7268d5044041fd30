package dev.retort.cli;

import dev.retort.internal.command.Project;
import dev.retort.internal.db.Database;
import dev.retort.internal.squash.Squash;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "squash", mixinStandardHelpOptions = true,
        description = "Write one revision that replaces the linear run FROM..TO (both included), or with --prune delete the replaced files.")
final class SquashCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Parameters(paramLabel = "FROM TO", arity = "0..2", description = "the oldest and the newest revision of the run") List<String> range = new ArrayList<>();
    @Option(names = {"-m", "--message"}) String message;
    @Option(names = "--rev-id", description = "the squash's id instead of a random one") String revId;
    @Option(names = "--prune", description = "delete the files the squashes replace, once the database is at none of them") boolean prune;

    @Override public Integer call() {
        Project project = root.workspace().project();
        if (prune) {
            if (!range.isEmpty() || message != null) throw new Errors.BadUsage("squash --prune takes no FROM TO and no -m: it prunes every squash");
            try (Database db = root.workspace().database()) {
                for (Squash.Pruned p : Squash.prune(project, db, root::progress))
                    p.deleted().forEach(f -> root.progress("Deleted " + f + " (replaced by " + p.squash() + ")"));
            }
            return 0;
        }
        if (range.size() != 2) throw new Errors.BadUsage("squash needs FROM and TO, the two ends of a linear run (retort history lists them), or --prune");
        if (message == null) throw new Errors.BadUsage("squash needs -m MESSAGE, the new revision's message");
        Squash.Written w = Squash.write(project, range.get(0), range.get(1), message, revId, ZonedDateTime.now());
        root.progress("Generating " + w.file().toAbsolutePath() + " ...  done");
        root.progress("Squashed " + w.range().revisions().size() + " revisions (" + String.join(", ", w.range().revisions()) + ") into " + w.id());
        return root.postWriteHooks(project.config(), w.file());
    }
}
