package dev.retort.cli;

import dev.retort.internal.command.Init;
import dev.retort.internal.command.Template;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new project folder from a template (built in, in template_locations, or a folder).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = "--template", paramLabel = "NAME|DIR", description = "template name (see list-templates) or template folder") String template;
    @Option(names = "--language", description = "groovy or kotlin: language of new revisions") String language;
    @Parameters(paramLabel = "DIR") Path dir;

    @Override public Integer call() {
        String lang = language == null ? null : RetortCli.languageNamed(language).configName();
        String name = template != null ? template : lang != null ? lang : "groovy";
        Template chosen = root.workspace().templates().resolve(name);
        Init.run(chosen, dir, lang);
        root.progress("Created " + dir.toAbsolutePath().normalize() + " from template '" + chosen.name() + "' (" + chosen.origin() + ")");
        var created = dev.retort.internal.config.ConfigLoader.loadWithoutPathChecks(dir.resolve("retort.ini"), null, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        String pick = created.isMultiDatabase() ? "-n " + created.databases().keySet().iterator().next() + " " : "";
        root.progress("Next: cd " + dir + " && retort " + pick + "revision -m \"first revision\" && retort upgrade head");
        return 0;
    }
}
