/**
 * MySQL's and MariaDB's schema inspection: the model read from {@code information_schema}, views,
 * routines, triggers and sequences as {@code SHOW CREATE} prints them.
 */
@NullMarked
package dev.strata.dialect.mysql.internal.schema;

import org.jspecify.annotations.NullMarked;
