package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Downgrades the database to an earlier revision, as {@code retort downgrade TARGET}; the target has no default. */
@Mojo(name = "downgrade", configurator = SecretMaskingConfigurator.HINT)
public final class DowngradeMojo extends RetortMojo {
    /** -N, base, REV, REV-N, LABEL@base, LABEL@-N. */
    @Parameter(property = "retort.target", required = true)
    String target;

    @Override List<String> command() { return List.of("downgrade", target); }
}
