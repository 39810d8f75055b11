package dev.strata.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals run in-process against an H2 file database in a temporary folder: what they log, what
 * they change, and how an engine failure reaches Maven. Real Maven builds are the ITs in src/it.
 */
class GoalsTest {
  @TempDir Path dir;
  private Path migrations;
  private String url;
  private final RecordingLog log = new RecordingLog();

  @BeforeEach
  void migrations() throws Exception {
    migrations = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(
        migrations.resolve("V1__create_person.sql"), "CREATE TABLE person (id INT PRIMARY KEY);\n");
    Files.writeString(
        migrations.resolve("V2__add_email.sql"), "ALTER TABLE person ADD email VARCHAR(200);\n");
    url = "jdbc:h2:file:" + dir.resolve("db/h2") + ";USER=sa;PASSWORD=right";
  }

  private <T extends StrataMojo> T configure(T mojo) {
    mojo.url = url;
    mojo.sources = List.of("filesystem:" + migrations);
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void migrateAppliesThePendingMigrationsAndStatusListsThem() throws Exception {
    configure(new MigrateMojo()).execute();

    assertThat(log.lines)
        .contains(
            "INFO Applying V1 create person (" + migrations.resolve("V1__create_person.sql") + ")")
        .anyMatch(l -> l.matches("INFO Applied V2 add email in \\d+ ms \\(1 statement\\)"))
        .anyMatch(l -> l.matches("INFO applied 2 migrations \\(V1, V2\\) in \\d+ ms"));
    List<String> columns = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'PERSON'"
                        + " ORDER BY ordinal_position")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    assertThat(columns).containsExactly("ID", "EMAIL");

    log.lines.clear();
    configure(new StatusMojo()).execute();
    assertThat(log.lines)
        .anyMatch(l -> l.matches("INFO   V1 create person: applied \\S+ by SA in \\d+ ms"))
        .contains("INFO 2 migrations: 2 applied; up to date");
  }

  @Test
  void planShowsEveryStatementAndChangesNothing() throws Exception {
    configure(new PlanMojo()).execute();

    assertThat(log.lines)
        .contains(
            "INFO V1 create person: "
                + migrations.resolve("V1__create_person.sql")
                + ", 1 statement, without a transaction",
            "INFO   " + migrations.resolve("V2__add_email.sql") + ":1",
            "INFO     ALTER TABLE person ADD email VARCHAR(200)",
            "INFO plan: migrate would apply 2 migrations with 2 statements; nothing was changed");
    log.lines.clear();
    configure(new StatusMojo()).execute();
    assertThat(log.lines).contains("INFO 2 migrations: 2 pending");
  }

  @Test
  void aFailingMigrationFailsTheBuildWithTheFileAndLine() throws Exception {
    Files.writeString(
        migrations.resolve("V3__broken.sql"),
        "CREATE TABLE ok (id INT);\nCREATE TABLE broken (id NOSUCHTYPE);\n");

    MojoFailureException failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            MojoFailureException.class, () -> configure(new MigrateMojo()).execute());

    assertThat(failure.getMessage())
        .contains(migrations.resolve("V3__broken.sql") + ":2")
        .doesNotContain("PASSWORD=right");
    assertThat(log.lines)
        .contains(
            "ERROR Failed to apply V3 broken at " + migrations.resolve("V3__broken.sql") + ":2");
  }

  @Test
  void anEditedMigrationFailsValidateNamingIt() throws Exception {
    configure(new MigrateMojo()).execute();
    Files.writeString(
        migrations.resolve("V1__create_person.sql"), "CREATE TABLE person (id BIGINT);\n");

    assertThatExceptionOfType(MojoFailureException.class)
        .isThrownBy(() -> configure(new ValidateMojo()).execute())
        .withMessageStartingWith("validate found 1 difference between sources and history:")
        .withMessageContaining("V1");
  }

  @Test
  void validateWithRequireUpToDateCountsPendingMigrations() throws Exception {
    configure(new ValidateMojo()).execute();
    assertThat(log.lines).contains("INFO valid: sources and history agree");

    ValidateMojo strict = configure(new ValidateMojo());
    strict.requireUpToDate = true;
    assertThatExceptionOfType(MojoFailureException.class)
        .isThrownBy(strict::execute)
        .withMessageStartingWith("validate found 2 differences between sources and history:");
  }

  @Test
  void aBadOptionValueIsAConfigurationErrorNamingTheOption() {
    MigrateMojo mojo = configure(new MigrateMojo());
    mojo.lockTimeout = "soon";

    assertThatExceptionOfType(MojoExecutionException.class)
        .isThrownBy(mojo::execute)
        .withMessageStartingWith("Invalid value for strata.lockTimeout (STRATA_LOCK_TIMEOUT): ");
  }

  @Test
  void anUnknownFailOnIsRefusedBeforeConnecting() {
    LintMojo mojo = configure(new LintMojo());
    mojo.url = "jdbc:postgresql://192.0.2.1:1/never";
    mojo.failOn = "fatal";

    assertThatExceptionOfType(MojoExecutionException.class)
        .isThrownBy(mojo::execute)
        .withMessage("<failOn> (strata.failOn) takes info, warning or error, not 'fatal'");
  }

  @Test
  void skipDoesNotConnect() throws Exception {
    MigrateMojo mojo = configure(new MigrateMojo());
    mojo.url = "jdbc:nosuchdriver:x";
    mojo.skip = true;

    mojo.execute();

    assertThat(log.lines).containsExactly("INFO Skipping strata (strata.skip)");
  }

  @Test
  void indexWritesTheFileTheClasspathSourceReads() throws Exception {
    IndexMojo mojo = new IndexMojo();
    mojo.setLog(log);
    mojo.directory = migrations.toFile();

    mojo.execute();

    assertThat(log.lines)
        .containsExactly("INFO Wrote " + migrations.resolve("strata-index.txt") + " (2 files)");
    assertThat(Files.readAllLines(migrations.resolve("strata-index.txt")))
        .anyMatch(l -> l.matches("[0-9a-f]{64}  V1__create_person.sql"))
        .anyMatch(l -> l.matches("[0-9a-f]{64}  V2__add_email.sql"));
  }

  @Test
  void indexWithoutTheDirectorySaysWhenToRunIt() {
    IndexMojo mojo = new IndexMojo();
    mojo.directory = dir.resolve("target/classes/db/migration").toFile();

    assertThatExceptionOfType(MojoExecutionException.class)
        .isThrownBy(mojo::execute)
        .withMessage(
            "No migration directory "
                + mojo.directory
                + " to index (strata:index <directory>, strata.indexDirectory): the goal indexes"
                + " the copied resources, so run it in process-classes (its default phase) or"
                + " later, and set <directory> when the migrations are not in"
                + " src/main/resources/db/migration");
  }
}
