package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows the revision(s) the database is at, as {@code retort current}. */
@Mojo(name = "current", configurator = SecretMaskingConfigurator.HINT)
public final class CurrentMojo extends RetortMojo {
    /** Show each revision's details. */
    @Parameter(property = "retort.verbose", defaultValue = "false")
    boolean verbose;

    /** Fail unless every head revision is applied: a check for a deployment pipeline. */
    @Parameter(property = "retort.checkHeads", defaultValue = "false")
    boolean checkHeads;

    @Override List<String> command() {
        List<String> command = new ArrayList<>(List.of("current"));
        if (verbose) command.add("--verbose");
        if (checkHeads) command.add("--check-heads");
        return command;
    }
}
