/**
 * Databases for Strata's own tests: {@link dev.strata.testsupport.TestDatabases} finds a PostgreSQL
 * or MySQL/MariaDB server, {@link dev.strata.testsupport.TestDatabase#createIsolated()} gives each
 * test a database of its own, {@link dev.strata.testsupport.PostgresTest}, {@link
 * dev.strata.testsupport.MySqlTest} and {@link dev.strata.testsupport.MySql8Test} wire them into
 * JUnit Jupiter, and {@link dev.strata.testsupport.Corpus} locates the shared corpus of real
 * migration sets.
 *
 * <p>A test whose database is missing is skipped with the reason, except under {@code CI=true},
 * where it fails (MySQL 8 excepted: it is optional and always skips).
 */
@NullMarked
package dev.strata.testsupport;

import org.jspecify.annotations.NullMarked;
