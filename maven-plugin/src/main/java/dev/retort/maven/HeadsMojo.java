package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the head revisions, as {@code retort heads}. */
@Mojo(name = "heads", configurator = SecretMaskingConfigurator.HINT)
public final class HeadsMojo extends RetortMojo {
    /** Show each head's details. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    @Override List<String> command() {
        List<String> command = new ArrayList<>(List.of("heads"));
        if (verbose) command.add("--verbose");
        return command;
    }
}
