package it.retort.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Livros extends JpaRepository<Livro, Integer> {}
