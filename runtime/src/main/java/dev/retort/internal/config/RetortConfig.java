package dev.retort.internal.config;

import dev.retort.internal.naming.NamingConvention;
import dev.retort.internal.script.ScriptLanguage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one project and environment, validated and sealed. Relative paths are already resolved
 * against the folder of the configuration file ({@code here}). A multi-database project ({@code databases =
 * main, audit}) holds one complete configuration per database in {@link #databases()}, in the order listed.
 * {@code fleetUrl} is the URL of a fleet's targets listed by name alone, {@code {name}} standing for the name (or null).
 * {@code lint} holds the {@code lint} and {@code lint.RTnnn} keys; {@code namingConvention} the {@code naming_convention.*} keys. {@code section} is the section read last over {@code [retort]}: the one chosen with {@code -n} (or
 * {@code RETORT_ENV}), a database's own in a multi-database project, or {@code retort} when none was chosen.
 */
public record RetortConfig(
        Path configFile, Path here,
        List<Path> versionLocations, boolean recursiveVersionLocations,
        String url, String user, String password,
        ScriptLanguage language, String template, List<Path> templateLocations,
        String fileTemplate, String timezone, int truncateSlugLength,
        String versionTable, String historyTable, boolean transactionPerMigration,
        Path model, List<PostWriteHook> postWriteHooks,
        boolean createDatabase, Duration lockTimeout, Map<String, String> pool,
        Path cacheDir, List<Path> compiledRevisions, Map<String, String> xArguments,
        Map<String, RetortConfig> databases, Map<String, String> origins, List<String> warnings,
        TestSettings test, String fleetUrl, String section, LintSettings lint, NamingConvention namingConvention) {

    /** The tokens {@code file_template} may use, in Alembic's spelling. */
    public static final List<String> FILE_TEMPLATE_TOKENS =
            List.of("rev", "slug", "epoch", "year", "month", "day", "hour", "minute", "second");

    public RetortConfig {
        versionLocations = List.copyOf(versionLocations);
        templateLocations = List.copyOf(templateLocations);
        postWriteHooks = List.copyOf(postWriteHooks);
        compiledRevisions = List.copyOf(compiledRevisions);
        pool = Map.copyOf(pool);
        xArguments = Map.copyOf(xArguments);
        databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
        origins = Map.copyOf(origins);
        warnings = List.copyOf(warnings);
    }

    /** The same settings reading revisions from other folders (the Java API's classpath locations). */
    public RetortConfig withVersionLocations(List<Path> locations) {
        return new RetortConfig(configFile, here, locations, recursiveVersionLocations, url, user, password, language, template,
                templateLocations, fileTemplate, timezone, truncateSlugLength, versionTable, historyTable, transactionPerMigration,
                model, postWriteHooks, createDatabase, lockTimeout, pool, cacheDir, compiledRevisions, xArguments, databases, origins,
                warnings, test, fleetUrl, section, lint, namingConvention);
    }

    /** Where a key was set ({@code file:line [section]}, a flag, -x or an environment variable), for messages. */
    public String origin(String key) {
        return origins.getOrDefault(key, configFile + " (" + key + " not set, default used)");
    }

    /** True when {@code databases} names several databases and no single one was chosen with {@code -n}. */
    public boolean isMultiDatabase() { return !databases.isEmpty(); }

    /** Never shows the password. */
    @Override public String toString() {
        return "RetortConfig[file=" + configFile + ", url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", versionLocations=" + versionLocations + (databases.isEmpty() ? "" : ", databases=" + databases.keySet()) + "]";
    }
}
