package dev.retort.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code retort.*} properties: what to migrate, where from, and on which database. A JavaBean because Spring
 * Boot's configuration processor reads field comments and initial values into the metadata IDEs complete from.
 */
@ConfigurationProperties(prefix = "retort")
public class RetortProperties {

    /** What {@code retort.lint} does before the upgrade. */
    public enum Lint { OFF, WARN, ERROR }

    /** Whether to upgrade the database at start-up. */
    private boolean enabled = true;

    /** The revision to upgrade to: head, heads, a revision id, label@head, +N. */
    private String target = "head";

    /**
     * Where the revision scripts are: classpath:db/retort (default, or the config file's version_locations when
     * retort.config-file is set), or folders (filesystem:… or plain paths).
     */
    private List<String> locations;

    /** JDBC URL of a separate migration connection; default: the application's DataSource. */
    private String url;

    /** Login user of the connection given by retort.url. */
    private String user;

    /** Login password of the connection given by retort.url. */
    private String password;

    /** A retort.ini for the settings these properties do not cover (version_table, transaction_per_migration, …). */
    private String configFile;

    /** The section of retort.config-file whose keys override [retort]. */
    private String section;

    /** Whether to check, before upgrading, that no applied revision's script changed since it ran. */
    private boolean validateOnMigrate = true;

    /** Lint the pending revisions before upgrading: off, warn (log findings), error (fail on error findings). */
    private Lint lint = Lint.OFF;

    /**
     * The names of what revisions leave unnamed, by kind (pk, fk, uq, ck, ix), as retort.ini's naming_convention:
     * retort.naming-convention.fk=fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s.
     */
    private Map<String, String> namingConvention = new LinkedHashMap<>();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public List<String> getLocations() { return locations; }
    public void setLocations(List<String> locations) { this.locations = locations; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfigFile() { return configFile; }
    public void setConfigFile(String configFile) { this.configFile = configFile; }
    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }
    public boolean isValidateOnMigrate() { return validateOnMigrate; }
    public void setValidateOnMigrate(boolean validateOnMigrate) { this.validateOnMigrate = validateOnMigrate; }
    public Lint getLint() { return lint; }
    public void setLint(Lint lint) { this.lint = lint; }
    public Map<String, String> getNamingConvention() { return namingConvention; }
    public void setNamingConvention(Map<String, String> namingConvention) { this.namingConvention = namingConvention; }
}
