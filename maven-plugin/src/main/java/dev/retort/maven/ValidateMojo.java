package dev.retort.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Fails when an applied revision's script changed since it ran, as {@code retort validate}. */
@Mojo(name = "validate", configurator = SecretMaskingConfigurator.HINT)
public final class ValidateMojo extends RetortMojo {
    @Override List<String> command() { return List.of("validate"); }
}
