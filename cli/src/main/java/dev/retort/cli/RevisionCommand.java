package dev.retort.cli;

import dev.retort.internal.command.*;
import dev.retort.internal.db.Database;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision", mixinStandardHelpOptions = true, description = "Create a new revision file.")
final class RevisionCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-m", "--message"}, required = true) String message;
    @Option(names = "--language") String language;
    @Option(names = "--head", description = "the revision(s) to build on, or base for a new root") List<String> head = new ArrayList<>();
    @Option(names = "--branch-label") List<String> branchLabels = new ArrayList<>();
    @Option(names = "--depends-on") List<String> dependsOn = new ArrayList<>();
    @Option(names = "--splice", description = "allow --head to name a revision that is not a head") boolean splice;
    @Option(names = "--rev-id") String revId;
    @Option(names = "--version-path") Path versionPath;
    @Option(names = "--autogenerate", description = "fill the revision with the differences between the model and the database") boolean autogenerate;

    @Override public Integer call() {
        Project project = root.workspace().project();
        var request = new NewRevision.Request(message, language == null ? null : RetortCli.languageNamed(language),
                head, branchLabels, dependsOn, revId, versionPath, null, null, splice);
        Path file;
        if (autogenerate) {
            try (Database db = root.workspace().database()) {
                file = dev.retort.internal.autogen.Autogenerate.revision(project, db, request, ZonedDateTime.now());
            }
        } else file = NewRevision.create(project, request, ZonedDateTime.now());
        root.progress("Generating " + file.toAbsolutePath() + " ...  done");
        return root.postWriteHooks(project.config(), file);
    }
}
