package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the revisions, newest first, as {@code retort history}. */
@Mojo(name = "history", configurator = SecretMaskingConfigurator.HINT)
public final class HistoryMojo extends RetortMojo {
    /** Show each revision's path, date and parents. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /** Only revisions in START:END. */
    @Parameter(property = "retort.range")
    String range;

    @Override List<String> command() {
        List<String> command = new ArrayList<>(List.of("history"));
        if (verbose) command.add("--verbose");
        if (notBlank(range)) command.addAll(List.of("-r", range));
        return command;
    }
}
