package dev.retort.cli;

import dev.retort.command.*;
import dev.retort.script.ScriptLanguage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create a new project folder from a template.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--template", description = "template name (groovy)") String template;
    @Option(names = "--language", description = "groovy or kotlin") String language;
    @Parameters(paramLabel = "DIR") Path dir;

    @Override public Integer call() {
        String name = template != null ? template : language != null ? ScriptLanguage.byName(language).configName() : "groovy";
        Init.run(name, dir);
        root.progress("Created " + dir.toAbsolutePath().normalize() + " from template '" + name + "'");
        root.progress("Next: cd " + dir + " && retort revision -m \"first revision\" && retort upgrade head");
        return 0;
    }
}
