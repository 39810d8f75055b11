/**
 * How {@code strata-junit} provisions databases: templates migrated once per JVM, copies per test,
 * the embedded PostgreSQL server. Internal: not API, may change in any release.
 */
@NullMarked
package dev.strata.junit.internal;

import org.jspecify.annotations.NullMarked;
