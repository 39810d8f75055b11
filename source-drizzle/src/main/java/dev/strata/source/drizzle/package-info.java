/**
 * drizzle-kit migration folders as a Strata source: {@link
 * dev.strata.source.drizzle.DrizzleSourceProvider}, found by {@link java.util.ServiceLoader} for
 * locations such as {@code drizzle:db/migrations}.
 */
@NullMarked
package dev.strata.source.drizzle;

import org.jspecify.annotations.NullMarked;
