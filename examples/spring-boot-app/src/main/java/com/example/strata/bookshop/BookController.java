package com.example.strata.bookshop;

import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /books}: the catalogue, read through JPA from the tables the migrations built. */
@RestController
class BookController {
  private final BookRepository books;

  BookController(BookRepository books) {
    this.books = books;
  }

  @GetMapping("/books")
  @Transactional(readOnly = true)
  public List<BookView> books() {
    return books.findAllWithAuthors().stream()
        .map(b -> new BookView(b.getTitle(), b.getAuthor().getName(), b.getPublishedIn()))
        .toList();
  }

  /** One book as the endpoint shows it. */
  record BookView(String title, String author, Integer publishedIn) {}
}
