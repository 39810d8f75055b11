/**
 * A JUnit Jupiter extension that gives each test a database in exactly the state the project's
 * migrations produce: {@link dev.strata.junit.MigratedDatabase} on a test class, or {@link
 * dev.strata.junit.StrataExtension} registered with {@code @RegisterExtension}.
 */
@NullMarked
package dev.strata.junit;

import org.jspecify.annotations.NullMarked;
