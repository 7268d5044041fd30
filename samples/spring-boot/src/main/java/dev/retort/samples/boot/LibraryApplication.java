package dev.retort.samples.boot;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Retort migrates the books table at start-up; JPA (ddl-auto=validate) and this controller use it afterwards. */
@SpringBootApplication
public class LibraryApplication {
    public static void main(String[] args) { SpringApplication.run(LibraryApplication.class, args); }

    @RestController
    static class BooksController {
        private final BookRepository books;

        BooksController(BookRepository books) { this.books = books; }

        @GetMapping("/books")
        List<Book> all() { return books.findAll(); }
    }
}
