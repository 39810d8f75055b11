/**
 * Databases for Strata's own tests: {@link dev.strata.testsupport.TestDatabases} finds a PostgreSQL
 * or MySQL/MariaDB server, {@link dev.strata.testsupport.TestDatabase#createIsolated()} gives each
 * test a database of its own, {@link dev.strata.testsupport.PostgresTest} and {@link
 * dev.strata.testsupport.MySqlTest} wire both into JUnit Jupiter, and {@link
 * dev.strata.testsupport.Corpus} locates the shared corpus of real migration sets.
 *
 * <p>A test whose database is missing is skipped with the reason, except under {@code CI=true},
 * where it fails.
 */
@NullMarked
package dev.strata.testsupport;

import org.jspecify.annotations.NullMarked;
