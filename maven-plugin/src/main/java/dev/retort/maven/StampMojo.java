package dev.retort.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Sets the version table to the given revision(s) without running any migration, as {@code retort stamp REV…}. */
@Mojo(name = "stamp", configurator = SecretMaskingConfigurator.HINT)
public final class StampMojo extends RetortMojo {
    /** The revision(s) to stamp, comma-separated for several (one per branch); base to clear. */
    @Parameter(property = "retort.target", required = true)
    String target;

    /** Delete every row of the version table first. */
    @Parameter(property = "retort.purge", defaultValue = "false")
    boolean purge;

    @Override List<String> command() {
        List<String> command = new ArrayList<>(List.of("stamp"));
        if (purge) command.add("--purge");
        command.addAll(Arrays.stream(target.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList());
        return command;
    }
}
