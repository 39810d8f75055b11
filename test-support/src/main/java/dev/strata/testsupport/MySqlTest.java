package dev.strata.testsupport;

import dev.strata.testsupport.internal.TestDatabaseExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs MySQL: without a server ({@link TestDatabases#mysql()})
 * it is skipped with the reason, or fails under {@code CI=true}. Parameters of type {@link
 * TestDatabase} and {@link IsolatedDatabase} are injected; each {@code IsolatedDatabase} is a fresh
 * database, dropped when the test (or, for a {@code @BeforeAll} parameter, the class) ends.
 *
 * <pre>{@code
 * @MySqlTest
 * class HistoryTableIT {
 *   @Test
 *   void createsTheHistoryTable(IsolatedDatabase db) throws SQLException { ... }
 * }
 * }</pre>
 *
 * <p>In a class using both databases, annotate each parameter instead: {@code void
 * copies(@PostgresTest IsolatedDatabase from, @MySqlTest IsolatedDatabase to)}. Tagged {@code
 * mysql} for {@code -Dgroups}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
@ExtendWith(TestDatabaseExtension.class)
@Tag("mysql")
public @interface MySqlTest {}
