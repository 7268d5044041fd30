package dev.retort.cli;

import dev.retort.internal.config.RetortConfig;
import dev.retort.internal.script.RevisionCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code compile}: every revision's class files into a folder or jar that travels with the scripts. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile every revision into a folder or jar (under META-INF/retort/compiled/) to ship beside the scripts: "
                + "a run that finds an unchanged script's classes there (on the classpath or in compiled_revisions) starts no compiler.")
final class CompileCommand implements Callable<Integer> {
    @ParentCommand RetortCli root;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR|JAR", description = "where to write (default: the first of compiled_revisions)")
    Path output;

    @Override public Integer call() {
        RetortConfig config = root.workspace().single();
        Path out = output;
        if (out == null) {
            if (config.compiledRevisions().isEmpty())
                throw new Errors.BadUsage("compile needs somewhere to write: give -o DIR or -o FILE.jar, or set compiled_revisions in "
                        + config.configFile());
            out = config.compiledRevisions().get(0);
        }
        List<RevisionCompiler.CompiledRevision> compiled = root.workspace().compile(out);
        root.progress("Compiled " + compiled.size() + (compiled.size() == 1 ? " revision" : " revisions") + " into "
                + out.toAbsolutePath().normalize());
        return 0;
    }
}
