package dev.retort.config;

import dev.retort.script.ScriptLanguage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of one project and environment, validated and sealed. Relative paths are already resolved
 * against the folder of the configuration file ({@code here}).
 */
public record RetortConfig(
        Path configFile, Path here,
        List<Path> versionLocations, boolean recursiveVersionLocations,
        String url, String user, String password,
        ScriptLanguage language, String template, List<Path> templateLocations,
        String fileTemplate, String timezone, int truncateSlugLength,
        String versionTable, String historyTable, boolean transactionPerMigration,
        Path model, List<String> postWriteHooks, Map<String, String> hookSettings,
        boolean createDatabase, Duration lockTimeout, Map<String, String> pool,
        Path cacheDir, Map<String, String> xArguments) {

    public RetortConfig {
        versionLocations = List.copyOf(versionLocations);
        templateLocations = List.copyOf(templateLocations);
        postWriteHooks = List.copyOf(postWriteHooks);
        hookSettings = Map.copyOf(hookSettings);
        pool = Map.copyOf(pool);
        xArguments = Map.copyOf(xArguments);
    }

    /** The same settings reading revisions from other folders (the Java API's classpath locations). */
    public RetortConfig withVersionLocations(List<Path> locations) {
        return new RetortConfig(configFile, here, locations, recursiveVersionLocations, url, user, password, language, template,
                templateLocations, fileTemplate, timezone, truncateSlugLength, versionTable, historyTable, transactionPerMigration,
                model, postWriteHooks, hookSettings, createDatabase, lockTimeout, pool, cacheDir, xArguments);
    }

    /** Never shows the password. */
    @Override public String toString() {
        return "RetortConfig[file=" + configFile + ", url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", versionLocations=" + versionLocations + "]";
    }
}
