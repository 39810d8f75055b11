package dev.strata.source.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.ExecutedMigration;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import dev.strata.core.Strata;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** classpath: locations end to end: the engine on H2 applying migrations from a fat jar. */
class ClasspathMigrateOnH2IT {
  private final String url =
      "jdbc:h2:mem:cp" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";

  @TempDir Path dir;

  private URLClassLoader fatJarLoader() throws IOException {
    Path jar =
        TestJar.springBoot()
            .file(
                "BOOT-INF/classes/db/migration/V1__create_person.sql",
                "CREATE TABLE person (id INT PRIMARY KEY);\n")
            .file("BOOT-INF/classes/db/migration/notes.txt", "not a migration")
            .nestedJar(
                "BOOT-INF/lib/shared-schema.jar",
                TestJar.create()
                    .file(
                        "db/migration/V2__add_name.sql",
                        "ALTER TABLE person ADD COLUMN name VARCHAR(100);\n")
                    .file(
                        "db/migration/U2__add_name.sql", "ALTER TABLE person DROP COLUMN name;\n"))
            .writeTo(dir.resolve("app.jar"));
    // The fat jar on a plain class loader: no Spring Boot launcher, as a CLI pointed at it has.
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
  }

  private static <T> T withContextClassLoader(ClassLoader loader, Callable<T> action)
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  @Test
  void appliesTheMigrationsOfAFatJarWhoseLoaderIsConfiguredAndTheContextClassLoader()
      throws Exception {
    URLClassLoader loader = fatJarLoader();
    List<StrataEvent> events = new ArrayList<>();

    MigrateResult result =
        withContextClassLoader(
            loader,
            () ->
                Strata.configure()
                    .url(url)
                    .sources("classpath:db/migration")
                    .classLoader(loader)
                    .listener(events::add)
                    .load()
                    .migrate());

    assertThat(result.applied())
        .extracting(ExecutedMigration::id)
        .extracting(Object::toString)
        .containsExactly("V1 create person", "V2 add name");
    assertThat(
            column(
                "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'PERSON' ORDER BY ORDINAL_POSITION"))
        .containsExactly("ID", "NAME");
    assertThat(
            column(
                "SELECT \"script\" FROM \"PUBLIC\".\"strata_schema_history\" WHERE \"installed_rank\" > 0 ORDER BY \"installed_rank\""))
        .containsExactly(
            "classpath:db/migration/V1__create_person.sql",
            "classpath:db/migration/V2__add_name.sql");
    // notes.txt is not .sql: skipped without a word
    assertThat(events).noneMatch(StrataEvent.Warning.class::isInstance);
  }

  @Test
  void appliesTheMigrationsOfAFatJarThroughAnExplicitlyRegisteredProvider() throws Exception {
    URLClassLoader loader = fatJarLoader();

    MigrateResult first =
        Strata.configure()
            .url(url)
            .sources("classpath:db/migration")
            .sourceProvider(new ClasspathSourceProvider(loader))
            .load()
            .migrate();
    MigrateResult second =
        Strata.configure()
            .url(url)
            .sources("classpath:db/migration")
            .sourceProvider(new ClasspathSourceProvider(loader))
            .load()
            .migrate();

    assertThat(first.applied()).hasSize(2);
    assertThat(second.applied()).isEmpty();
    assertThat(second.lockTaken()).isFalse();
  }

  @Test
  void theConfiguredClassLoaderAloneReachesTheSource() throws Exception {
    URLClassLoader loader = fatJarLoader();
    var strata =
        Strata.configure().url(url).sources("classpath:db/migration").classLoader(loader).load();

    assertThat(strata.migrate().applied()).isNotEmpty();
  }

  @Test
  void reportsAScriptInTwoJarsNamingBothCopies() throws Exception {
    Path a =
        TestJar.create()
            .file("db/migration/V1__a.sql", "CREATE TABLE a (id INT);")
            .writeTo(dir.resolve("a.jar"));
    Path b =
        TestJar.create()
            .file("db/migration/V1__a.sql", "CREATE TABLE b (id INT);")
            .writeTo(dir.resolve("b.jar"));
    var loader =
        new URLClassLoader(
            new URL[] {a.toUri().toURL(), b.toUri().toURL()}, getClass().getClassLoader());
    var strata =
        Strata.configure()
            .url(url)
            .sources("classpath:db/migration")
            .sourceProvider(new ClasspathSourceProvider(loader))
            .load();

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(strata::migrate)
        .withMessage(
            "Found more than one up script for version 1: classpath:db/migration/V1__a.sql (in a.jar) and"
                + " classpath:db/migration/V1__a.sql (in b.jar); give one of them a new version")
        .satisfies(
            e ->
                assertThat(e.origins())
                    .containsExactly(
                        "classpath:db/migration/V1__a.sql (in a.jar)",
                        "classpath:db/migration/V1__a.sql (in b.jar)"));
  }
}
