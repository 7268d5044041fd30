package it.retort.jpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A JPA entity ({@link Livro}) and repository ({@link Livros}) over the table the Groovy revisions create. */
@SpringBootApplication
public class JpaApp {
    public static void main(String[] args) { SpringApplication.run(JpaApp.class, args); }
}
