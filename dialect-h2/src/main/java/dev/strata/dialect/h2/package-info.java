/**
 * The H2 dialect for Strata: {@link dev.strata.dialect.h2.H2DialectProvider}, found by {@link
 * java.util.ServiceLoader} when a connection reports the product {@code H2}.
 */
@NullMarked
package dev.strata.dialect.h2;

import org.jspecify.annotations.NullMarked;
