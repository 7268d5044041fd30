package dev.retort.spring.boot;

import dev.retort.api.CompileListener;
import dev.retort.api.Retort;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Upgrades the database at start-up, as Boot's FlywayAutoConfiguration does for Flyway: a {@link Retort} bean on the
 * migration database and a {@link RetortMigrationInitializer} that the beans using the database wait for.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",   // Spring Boot 3
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})  // Spring Boot 4 (spring-boot-jdbc)
@ConditionalOnClass(Retort.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
@Conditional(RetortAutoConfiguration.MigrationDatabaseCondition.class)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {
    /** The {@code Running upgrade …} lines go where an application looks for Retort's output. */
    private static final Logger log = LoggerFactory.getLogger(Retort.class);
    static final String DEFAULT_LOCATION = "classpath:db/retort";

    /**
     * The migration database, first found: {@code retort.url}, a {@link RetortDataSource} bean, the application's
     * DataSource, the config file's {@code url}. Closing the engine closes what it opened (jar views, its own pool).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Retort retort(RetortProperties properties, @RetortDataSource ObjectProvider<DataSource> retortDataSource,
                         ObjectProvider<DataSource> dataSource, ResourceLoader resourceLoader) {
        // A long compile at start-up (a cold cache over many revisions) logs its progress and a summary too.
        Retort.Builder builder = Retort.configure().classLoader(resourceLoader.getClassLoader()).progress(log::info)
                .compileListener(CompileListener.lines(log::info));
        if (properties.getSection() != null && properties.getConfigFile() == null)
            throw new RetortSettingException("retort.section=" + properties.getSection() + " is set without retort.config-file; "
                    + "set retort.config-file to the retort.ini that holds the section, or remove retort.section.");
        if (properties.getConfigFile() != null) builder.configFile(Path.of(properties.getConfigFile())).section(properties.getSection());
        List<String> locations = properties.getLocations() != null ? properties.getLocations()
                : properties.getConfigFile() == null ? List.of(DEFAULT_LOCATION) : List.of();
        if (!locations.isEmpty())
            builder.versionLocations(locations.stream().map(l -> l.startsWith("filesystem:") ? l.substring("filesystem:".length()) : l)
                    .toArray(String[]::new));
        properties.getNamingConvention().forEach(builder::namingConvention);
        if (properties.getUrl() != null) {
            builder.url(properties.getUrl()).user(properties.getUser()).password(properties.getPassword());
        } else {
            DataSource chosen = retortDataSource.getIfAvailable(dataSource::getIfUnique);
            if (chosen != null) builder.dataSource(chosen);
        }
        return builder.load();
    }

    @Bean
    @ConditionalOnMissingBean
    public RetortMigrationInitializer retortMigrationInitializer(Retort retort, RetortProperties properties,
                                                                 ObjectProvider<RetortMigrationStrategy> strategy) {
        return new RetortMigrationInitializer(retort, properties, strategy.getIfAvailable());
    }

    /** There is a database to migrate: a DataSource bean, {@code retort.url}, or a config file (which may name one). */
    static final class MigrationDatabaseCondition extends AnyNestedCondition {
        MigrationDatabaseCondition() { super(ConfigurationPhase.REGISTER_BEAN); }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBean {}

        @ConditionalOnProperty(prefix = "retort", name = "url")
        private static final class RetortUrl {}

        @ConditionalOnProperty(prefix = "retort", name = "config-file")
        private static final class ConfigFile {}
    }
}
