package it.retort.jdbc;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A Boot application whose revisions live in db/retort; one bean reads the migrated table as it is created. */
@SpringBootApplication
public class JdbcApp {
    public static void main(String[] args) { SpringApplication.run(JdbcApp.class, args); }

    /** Queries in its constructor: it works only if the migration ran before JdbcTemplate was handed out. */
    @Component
    @ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
    public static class BookTitles {
        public final List<String> titles;

        public BookTitles(JdbcTemplate jdbc) { titles = jdbc.queryForList("SELECT titulo FROM livros ORDER BY id", String.class); }
    }
}
