/**
 * A Strata dialect for SQLite: {@link com.example.strata.sqlite.SqliteDialectProvider}, found by
 * {@link java.util.ServiceLoader} when a connection reports the product {@code SQLite}, and {@link
 * com.example.strata.sqlite.SqliteDialect}. The parser and the lock are package-private.
 */
@NullMarked
package com.example.strata.sqlite;

import org.jspecify.annotations.NullMarked;
