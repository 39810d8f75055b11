package com.example.strata.bookshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service whose schema Strata migrates at startup, before Hibernate validates the entities
 * against it ({@code spring.jpa.hibernate.ddl-auto=validate}).
 */
@SpringBootApplication
public class BookshopApplication {

  public static void main(String[] args) {
    SpringApplication.run(BookshopApplication.class, args);
  }
}
