package dev.retort.cli;

import dev.retort.internal.adopt.FlywayImport;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn another tool's migrations into revisions: import flyway DIR writes one revision per V<n>__<desc>.sql.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Parameters(index = "0", paramLabel = "TOOL", description = "flyway") String tool;
    @Parameters(index = "1", paramLabel = "DIR", description = "the folder of Flyway's SQL migrations") Path dir;
    @Option(names = "--language", description = "groovy or kotlin; default: the project's language") String language;

    @Override public Integer call() {
        if (!tool.equalsIgnoreCase("flyway"))
            throw new Errors.BadUsage("import knows flyway only (import flyway DIR); for Alembic or Liquibase, write or generate the "
                    + "revisions, put adopts 'alembic:REV' or adopts 'liquibase:ID' in their headers and run retort adopt");
        var project = root.workspace().project();
        var lang = language == null ? project.config().language() : RetortCli.languageNamed(language);
        List<Path> written = FlywayImport.run(project, dir, lang, ZonedDateTime.now(), line -> root.err.println("warning: " + line));
        for (Path file : written) root.progress("Generating " + file.toAbsolutePath() + " ...  done");
        root.progress("Imported " + written.size() + " Flyway migration" + (written.size() == 1 ? "" : "s")
                + (written.isEmpty() ? "" : "; on a database Flyway built, run retort adopt --from flyway"));
        int code = 0;
        for (Path file : written) code = Math.max(code, root.postWriteHooks(project.config(), file));
        return code;
    }
}
