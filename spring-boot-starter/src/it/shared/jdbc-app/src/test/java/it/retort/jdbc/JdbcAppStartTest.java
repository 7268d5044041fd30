package it.retort.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts that must not migrate: a broken revision fails them plainly; retort.enabled=false skips Retort. */
@ExtendWith(OutputCaptureExtension.class)
class JdbcAppStartTest {

    static SpringApplicationBuilder app(String database, String... properties) {
        return new SpringApplicationBuilder(JdbcApp.class).web(org.springframework.boot.WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .properties(properties);
    }

    @Test
    void aBrokenRevisionFailsTheStartNamingItsFileInTheFailureAnalysis(CapturedOutput output) {
        assertThatThrownBy(() -> app("broken", "retort.locations=classpath:db/broken").run().close())
                .satisfies(e -> assertThat(Stream.iterate(e, t -> t != null, Throwable::getCause).map(Throwable::getMessage))
                        .anyMatch(m -> m != null && m.contains("2026_01_05_0900-b0b0b0b00001_broken.groovy")));
        assertThat(output.toString())
                .contains("APPLICATION FAILED TO START")
                .contains("Retort could not migrate the database: ")
                .contains("b0b0b0b00001_broken.groovy");
    }

    @Test
    void retortEnabledFalseStartsWithoutMigrating() {
        try (ConfigurableApplicationContext context = app("disabled", "retort.enabled=false").run()) {
            assertThat(context.getBeanNamesForType(dev.retort.api.Retort.class)).isEmpty();
            assertThat(context.getBean(JdbcTemplate.class).queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) IN ('livros', 'retort_version')", String.class)).isEmpty();
        }
    }

    @Test
    void groovyRevisionsRunUnderTheGroovyVersionBootManages() {
        try (ConfigurableApplicationContext context = app("groovy").run()) {
            // Boot's groovy.version, handed over by the IT's pom: the revisions above ran under it, not Retort's own.
            assertThat(groovy.lang.GroovySystem.getVersion()).isEqualTo(System.getProperty("it.groovy.version"));
            assertThat(context.getBean(JdbcApp.BookTitles.class).titles).containsExactly("Dom Casmurro");
        }
    }
}
