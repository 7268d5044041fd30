package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Fails when the database differs from the project's model (autogenerate would write a revision), as {@code retort check}. */
@Mojo(name = "check", configurator = SecretMaskingConfigurator.HINT)
public final class CheckMojo extends RetortMojo {
    @Override List<String> command() { return List.of("check"); }
}
