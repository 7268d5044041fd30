package dev.retort.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the DataSource Retort migrates with when it is not the application's own (e.g. one whose user may run DDL),
 * as {@code @FlywayDataSource} does. A DataSource bean of your own makes Boot's go away: declare the application's
 * one too, marked {@code @Primary}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RetortDataSource {}
