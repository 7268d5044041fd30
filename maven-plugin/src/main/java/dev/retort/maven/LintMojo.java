package dev.retort.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Checks revisions for unsafe operations, as {@code retort lint}; fails on any error-level finding. */
@Mojo(name = "lint", configurator = SecretMaskingConfigurator.HINT, defaultPhase = LifecyclePhase.VERIFY)
public final class LintMojo extends RetortMojo {
    /** Check every revision, not only those the database has not applied. */
    @Parameter(property = "retort.all", defaultValue = "false")
    boolean all;

    /** Check the revisions in REV-RANGE instead of the pending ones. */
    @Parameter(property = "retort.range")
    String range;

    /** Lint for this dialect with no database. */
    @Parameter(property = "retort.dialect")
    String dialect;

    /** {@code file:line RTnnn severity: …}, as {@code retort lint} prints a finding. */
    private static final Pattern FINDING = Pattern.compile("^\\S+:\\d+ RT\\d{3} (error|warning|info): ");

    /** Each finding at its own level, so a build log's errors and warnings show where Maven users look for them. */
    @Override void runGoal() throws MojoExecutionException, MojoFailureException {
        run(command(), new LogLines(line -> {
            Matcher m = FINDING.matcher(line);
            String severity = m.find() ? m.group(1) : "info";
            switch (severity) {
                case "error" -> getLog().error(line);
                case "warning" -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }));
    }

    @Override List<String> command() throws MojoFailureException {
        requireCommand("lint", "lint");
        List<String> command = new ArrayList<>(List.of("lint"));
        if (all) command.add("--all");
        else if (notBlank(range)) command.add(range);
        if (notBlank(dialect)) command.addAll(List.of("--dialect", dialect));
        return command;
    }
}
