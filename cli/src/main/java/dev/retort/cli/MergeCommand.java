package dev.retort.cli;

import dev.retort.internal.command.NewRevision;
import dev.retort.internal.command.Project;
import dev.retort.internal.graph.GraphException;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", mixinStandardHelpOptions = true, description = "Create a revision that merges two or more heads: REV… or heads.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-m", "--message"}, required = true) String message;
    @Option(names = "--branch-label") List<String> branchLabels = new ArrayList<>();
    @Option(names = "--rev-id") String revId;
    @Option(names = "--language") String language;
    @Parameters(paramLabel = "REV", arity = "1..*", description = "the heads to merge, or 'heads' for all") List<String> revisions;

    @Override public Integer call() {
        Project project = root.workspace().project();
        NewRevision.Request request = new NewRevision.Request(message, language == null ? null : RetortCli.languageNamed(language),
                revisions, branchLabels, List.of(), revId, null, null, null, false);
        if (NewRevision.parentsOf(project, request).size() < 2)
            throw new GraphException("A merge needs at least two head revisions; " + String.join(" ", revisions)
                    + " names fewer ('retort heads' lists them)");
        Path file = NewRevision.create(project, request, ZonedDateTime.now());
        root.progress("Generating " + file.toAbsolutePath() + " ...  done");
        return 0;
    }
}
