package dev.strata.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the tests of the annotated class a database migrated by Strata: every test method (and
 * lifecycle method) that declares a {@link javax.sql.DataSource} parameter, or a {@code String}
 * parameter annotated {@link DatabaseUrl}, receives a fresh copy of a database in exactly the state
 * the migrations at {@link #locations()} produce. The migrations run once per JVM into a template;
 * each test invocation (each repetition of a repeated test, each case of a parameterized one) gets
 * its own copy, dropped afterwards, so one test's rows never reach another.
 *
 * <pre>{@code
 * @MigratedDatabase(database = MigratedDatabase.Database.POSTGRESQL)
 * class OrderRepositoryTest {
 *   @Test
 *   void storesAnOrder(DataSource db) throws SQLException { ... }
 * }
 * }</pre>
 *
 * <p>For the programmatic form, see {@link StrataExtension#builder()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(StrataExtension.class)
public @interface MigratedDatabase {
  /** Where the migrations are, as Strata locations ({@code strata.sources}). */
  String[] locations() default {"classpath:db/migration"};

  /** Which database the tests get. */
  Database database() default Database.H2;

  /** Whether each test invocation gets its own copy, or the whole class shares one. */
  Scope scope() default Scope.METHOD;

  /**
   * Further engine options as {@code key=value}, with the keys of {@code
   * dev.strata.core.StrataOption} (e.g. {@code "schema=app"}, {@code "target=7"}, {@code
   * "outOfOrder=true"}). The connection options ({@code url}, {@code user}, {@code password},
   * {@code passwordFile}, {@code config}) belong to the extension and are refused.
   */
  String[] options() default {};

  /** The databases the extension provides. */
  enum Database {
    /**
     * H2 in memory; needs {@code com.h2database:h2} on the test class path. Copies by {@code
     * SCRIPT}/{@code RUNSCRIPT}.
     */
    H2,
    /**
     * PostgreSQL: the server named by {@code STRATA_TEST_POSTGRES_URL}, else an embedded server
     * started once per JVM from the PostgreSQL binaries on the class path (no Docker, no download).
     * Needs {@code org.postgresql:postgresql}. Copies by {@code CREATE DATABASE ... TEMPLATE}.
     */
    POSTGRESQL,
    /**
     * MySQL or MariaDB: the server named by {@code STRATA_TEST_MYSQL_URL}, else the test is skipped
     * (failed under {@code CI=true}) with what to set. Needs {@code com.mysql:mysql-connector-j}.
     * Copies schema by schema, table by table.
     */
    MYSQL
  }

  /** How long one copy lives. */
  enum Scope {
    /** A fresh copy for every test invocation. */
    METHOD,
    /** One copy for the test class, shared by its tests (and its {@code @BeforeAll} methods). */
    CLASS
  }
}
