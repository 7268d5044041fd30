package dev.retort.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class as testing a Retort project's migrations. Its test methods may then take a
 * {@link RetortChecks} (for a {@code @TestFactory} returning {@link RetortChecks#dynamicTests()}: one test per check) or a
 * {@link dev.retort.api.TestReport} (the checks run once for the class: {@code report.assertPassed()}):
 * <pre>
 * &#64;RetortTest(config = "src/main/resources/db/retort.ini")
 * class MigrationsTest {
 *     &#64;TestFactory Stream&lt;DynamicTest&gt; migrations(RetortChecks checks) { return checks.dynamicTests(); }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RetortTestExtension.class)
public @interface RetortTest {
    /** The project's {@code retort.ini}, relative to the working folder (a Maven module's folder under Surefire). */
    String config() default "retort.ini";

    /** The section of retort.ini to use; empty for {@code [retort]} alone. */
    String section() default "";

    /** Only these checks; empty for all that apply. */
    String[] only() default {};

    /** Throw-away databases on the server of the project's own url ({@code retort test --scratch}) instead of in-memory H2. */
    boolean scratch() default false;
}
