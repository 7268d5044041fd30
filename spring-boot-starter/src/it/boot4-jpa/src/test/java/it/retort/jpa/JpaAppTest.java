package it.retort.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Hibernate's schema validation passes only if the EntityManagerFactory waited for the migration. */
@SpringBootTest(properties = {"spring.jpa.hibernate.ddl-auto=validate", "spring.datasource.url=jdbc:h2:mem:jpa;DB_CLOSE_DELAY=-1"})
class JpaAppTest {
    @Autowired Livros livros;

    @Test
    void theEntityManagerFactoryValidatesTheMigratedSchemaAndReadsItsRows() {
        assertThat(livros.findAll()).extracting(Livro::getTitulo).containsExactly("Dom Casmurro");
    }
}
