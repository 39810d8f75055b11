package dev.strata.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter that receives the JDBC URL of the test's migrated database,
 * credentials included, e.g. for a framework that opens its own connections. In one test it names
 * the same database as that test's {@link javax.sql.DataSource} parameters.
 *
 * <pre>{@code
 * @Test
 * void connectsByUrl(@DatabaseUrl String url) throws SQLException {
 *   try (Connection c = DriverManager.getConnection(url)) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface DatabaseUrl {}
