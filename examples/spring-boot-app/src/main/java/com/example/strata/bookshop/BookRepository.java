package com.example.strata.bookshop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BookRepository extends JpaRepository<Book, Long> {

  /** Every book with its author, oldest first. */
  @Query("SELECT b FROM Book b JOIN FETCH b.author ORDER BY b.publishedIn, b.title")
  List<Book> findAllWithAuthors();
}
