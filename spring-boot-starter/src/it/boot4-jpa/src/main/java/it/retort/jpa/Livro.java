package it.retort.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the migrated table livros. */
@Entity
@Table(name = "livros")
public class Livro {
    @Id Integer id;
    @Column(nullable = false, length = 120) String titulo;
    @Column(length = 80) String autor;

    public String getTitulo() { return titulo; }
}
