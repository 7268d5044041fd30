package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Upgrades the database to a later revision, as {@code retort upgrade TARGET}. */
@Mojo(name = "upgrade", configurator = SecretMaskingConfigurator.HINT)
public final class UpgradeMojo extends RetortMojo {
    /** head, heads, +N, REV, REV+N, LABEL@head. */
    @Parameter(property = "retort.target", defaultValue = "head")
    String target;

    @Override List<String> command() { return List.of("upgrade", target); }
}
