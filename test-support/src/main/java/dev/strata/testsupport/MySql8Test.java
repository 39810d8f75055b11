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
 * Marks a test class or method that needs MySQL 8 itself ({@link TestDatabases#mysql8()}: {@code
 * STRATA_TEST_MYSQL8_URL}, else a Testcontainers {@code mysql:8.4} container), not the MariaDB that
 * {@link MySqlTest} usually finds. Without it the test is skipped with the reason, even under
 * {@code CI=true}: MySQL 8 is optional. Parameters of type {@link TestDatabase} and {@link
 * IsolatedDatabase} are injected as with {@link MySqlTest}.
 *
 * <pre>{@code
 * @MySql8Test
 * class MySql8DialectIT {
 *   @Test
 *   void limitsSelects(IsolatedDatabase db) throws SQLException { ... }
 * }
 * }</pre>
 *
 * <p>Tagged {@code mysql8} for {@code -Dgroups}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
@ExtendWith(TestDatabaseExtension.class)
@Tag("mysql8")
public @interface MySql8Test {}
