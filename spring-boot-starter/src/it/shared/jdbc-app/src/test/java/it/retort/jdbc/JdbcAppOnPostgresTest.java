package it.retort.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application started against PostgreSQL: migrated before its beans, and /actuator/retort shows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JdbcAppOnPostgresTest {

    /** Before the context loads, so a missing database skips (or, under CI=true, fails) these tests plainly. */
    @BeforeAll
    static void needsPostgres() { PostgresDatabase.serverUrl(); }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create();
        registry.add("spring.datasource.url", () -> url);
    }

    @AfterAll
    static void dropDatabase() { PostgresDatabase.drop(); }

    @Autowired JdbcApp.BookTitles books;
    @Autowired JdbcTemplate jdbc;
    @Value("${local.server.port}") int port;

    @Test
    void aBeanThatQueriesAMigratedTableInItsConstructorSeesTheMigratedData() {
        assertThat(books.titles).containsExactly("Dom Casmurro");
        assertThat(jdbc.queryForList("SELECT version_num FROM retort_version", String.class)).containsExactly("5a1e0c0a0002");
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(PostgresDatabase.NAME);
    }

    @Test
    void theActuatorEndpointListsTheRevisionsWithTheirState() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/retort")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"current\":[\"5a1e0c0a0002\"]")
                .contains("\"id\":\"5a1e0c0a0002\"").contains("\"id\":\"5a1e0c0a0001\"")
                .contains("\"state\":\"applied\"").doesNotContain("\"state\":\"pending\"");
    }
}
