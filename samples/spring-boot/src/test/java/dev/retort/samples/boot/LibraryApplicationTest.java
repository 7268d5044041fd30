package dev.retort.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application starts on a fresh H2 database: Retort migrates, Hibernate validates, the repository reads. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:library;DB_CLOSE_DELAY=-1")
class LibraryApplicationTest {
    @Autowired BookRepository books;

    @Test
    void theMigratedBooksAreReadThroughJpa() {
        assertThat(books.findByAuthor("Machado de Assis")).extracting(Book::getPublishedYear).containsExactlyInAnyOrder(1899, 1881);
        Book saved = books.save(new Book("Vidas Secas", "Graciliano Ramos", 1938));
        assertThat(saved.getId()).isNotNull();
    }
}
