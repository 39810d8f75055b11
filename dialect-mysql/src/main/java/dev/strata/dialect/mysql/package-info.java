/**
 * The MySQL and MariaDB dialect for Strata: {@link dev.strata.dialect.mysql.MySqlDialectProvider},
 * found by {@link java.util.ServiceLoader} when a connection reports the product {@code MySQL} or
 * {@code MariaDB}.
 */
@NullMarked
package dev.strata.dialect.mysql;

import org.jspecify.annotations.NullMarked;
