package dev.retort.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the migration bean initializes the database, so JPA's EntityManagerFactory, JdbcTemplate,
 * JdbcClient and jOOQ are created after it (registered in {@code META-INF/spring.factories}).
 */
final class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() { return Set.of(RetortMigrationInitializer.class); }
}
