package dev.strata.spring.boot.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The {@code people} table that {@code V1__create_people.sql} and {@code V2__add_email.sql} make.
 */
@Entity
@Table(name = "people")
public class Person {
  @Id private Integer id;
  private String name;
  private String email;

  protected Person() {}

  public String email() {
    return email;
  }
}
