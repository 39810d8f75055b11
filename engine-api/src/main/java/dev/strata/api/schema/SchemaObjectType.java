package dev.strata.api.schema;

import java.util.Locale;

/**
 * The kinds of object a {@link SchemaModel} holds, in the order {@code dump-schema} writes them:
 * what others depend on first.
 */
public enum SchemaObjectType {
  /** A PostgreSQL extension ({@code CREATE EXTENSION}); database-wide. */
  EXTENSION,
  /** An enum type (PostgreSQL {@code CREATE TYPE … AS ENUM}). */
  ENUM_TYPE,
  /** A domain: a base type with a default and constraints. */
  DOMAIN,
  /** A composite type ({@code CREATE TYPE … AS (…)}). */
  COMPOSITE_TYPE,
  /** A sequence, with its type, start, increment, bounds, cache and cycle (never its value). */
  SEQUENCE,
  /** A table; its definition holds what belongs to the table itself (partitioning, options). */
  TABLE,
  /**
   * A column of a table: type as the server reports it, collation, default or generated expression,
   * identity, nullability.
   */
  COLUMN,
  /** A primary key, unique, check, exclusion or foreign key constraint, with its actions. */
  CONSTRAINT,
  /** An index not backing a constraint: method, columns and expressions, predicate, INCLUDE. */
  INDEX,
  /** A view, with the server's normalized definition. */
  VIEW,
  /** A materialized view, with the server's normalized definition. */
  MATERIALIZED_VIEW,
  /** A function, named by its signature. */
  FUNCTION,
  /** A procedure, named by its signature. */
  PROCEDURE,
  /** A trigger on a table, with whether it is enabled. */
  TRIGGER,
  /** A comment on an object, named by the object. */
  COMMENT;

  /** The type in words, as messages and dumps write it: {@code materialized view}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
