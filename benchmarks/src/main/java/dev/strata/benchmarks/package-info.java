/**
 * JMH benchmarks of Strata against Flyway, Liquibase and two raw-JDBC floors, over migration sets
 * written by {@link dev.strata.benchmarks.MigrationSetGenerator}. See {@code benchmarks/README.md}
 * for how to run them and the latest results. Not a library: nothing here is API.
 */
@NullMarked
package dev.strata.benchmarks;

import org.jspecify.annotations.NullMarked;
