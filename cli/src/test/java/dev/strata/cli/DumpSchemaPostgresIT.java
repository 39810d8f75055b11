package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata dump-schema} and {@code strata diff} on PostgreSQL, run in-process through {@link
 * Main#run}.
 */
@PostgresTest
class DumpSchemaPostgresIT {
  @TempDir Path dir;

  @Test
  void writesTheSameSortedDumpToStdoutAndToAFileOnEveryRun(IsolatedDatabase db) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        migrations.resolve("V1__people.sql"),
        "CREATE TABLE person (id int PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE INDEX person_name ON person (name);\n");
    Files.writeString(
        migrations.resolve("V2__pets.sql"),
        "CREATE TABLE pet (id int PRIMARY KEY, owner int REFERENCES person (id));\n");
    String[] common = {"--url", db.jdbcUrl(), "--source", "filesystem:" + migrations};
    assertThat(run("migrate", common).exitCode()).isZero();

    CliResult stdout = run("dump-schema", common);
    Path file = dir.resolve("schema.sql");
    CliResult toFile = run("dump-schema", common, "--output", file.toString());

    assertThat(stdout.exitCode()).as(stdout.toString()).isZero();
    assertThat(stdout.out())
        .isEqualTo(
            "-- The schema as `strata dump-schema` inspects it: sorted by kind and name, one"
                + " object per block.\n"
                + "\n-- table person\n"
                + "CREATE TABLE \"person\" (\n    \"id\" integer NOT NULL,\n"
                + "    \"name\" text NOT NULL\n);\n"
                + "\n-- table pet\n"
                + "CREATE TABLE \"pet\" (\n    \"id\" integer NOT NULL,\n    \"owner\" integer\n);\n"
                + "\n-- constraint person.person_pkey\n"
                + "ALTER TABLE \"person\" ADD CONSTRAINT \"person_pkey\" PRIMARY KEY (id);\n"
                + "\n-- constraint pet.pet_owner_fkey\n"
                + "ALTER TABLE \"pet\" ADD CONSTRAINT \"pet_owner_fkey\" FOREIGN KEY (owner)"
                + " REFERENCES person(id);\n"
                + "\n-- constraint pet.pet_pkey\n"
                + "ALTER TABLE \"pet\" ADD CONSTRAINT \"pet_pkey\" PRIMARY KEY (id);\n"
                + "\n-- index person.person_name\n"
                + "CREATE INDEX person_name ON person USING btree (name);\n");
    assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(toFile.err()).contains("Wrote the schema to " + file);
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(stdout.out());
    assertThat(run("dump-schema", common).out()).isEqualTo(stdout.out());
  }

  @Test
  void diffExitsWithFourOnAHandMadeIndexWithAScratchDatabaseOrAGivenShadow(
      IsolatedDatabase db, IsolatedDatabase shadow) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        migrations.resolve("V1__people.sql"), "CREATE TABLE person (id int PRIMARY KEY);\n");
    String[] common = {"--url", db.jdbcUrl(), "--source", "filesystem:" + migrations};
    assertThat(run("migrate", common).exitCode()).isZero();
    Path file = dir.resolve("schema.sql");
    assertThat(run("dump-schema", common, "--output", file.toString()).exitCode()).isZero();
    assertThat(run("diff", common).exitCode()).isZero();

    DatabaseRows.execute(db.dataSource(), "CREATE INDEX hand_made ON person (id)");
    CliResult scratch = run("diff", common);
    CliResult given = run("diff", common, "--shadow-url", shadow.jdbcUrl());
    CliResult check = run("dump-schema", common, "--check", file.toString());

    assertThat(scratch.exitCode()).as(scratch.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(scratch.out())
        .contains(
            "unexpected index person.hand_made\n"
                + "  actual:   CREATE INDEX hand_made ON person USING btree (id)\n")
        .contains("scratch database strata_shadow_");
    assertThat(given.exitCode()).as(given.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(given.out()).contains("the given shadow database");
    assertThat(check.exitCode()).as(check.toString()).isZero();
  }

  @Test
  void validateCheckSchemaExitsWithFourOnADroppedIndex(IsolatedDatabase db) throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        migrations.resolve("V1__people.sql"),
        "CREATE TABLE person (id int PRIMARY KEY, name text);\n"
            + "CREATE INDEX person_name ON person (name);\n");
    String[] common = {"--url", db.jdbcUrl(), "--source", "filesystem:" + migrations};
    assertThat(run("migrate", common).exitCode()).isZero();
    CliResult before = run("validate", common, "--check-schema");

    DatabaseRows.execute(db.dataSource(), "DROP INDEX person_name");
    CliResult after = run("validate", common, "--check-schema");

    assertThat(before.exitCode()).as(before.toString()).isZero();
    assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(after.out())
        .contains(
            "missing index person.person_name\n"
                + "  expected: CREATE INDEX person_name ON person USING btree (name)\n")
        .contains("drift: 1 difference");
  }

  private static CliResult run(String command, String[] common, String... more) {
    String[] args = new String[1 + common.length + more.length];
    args[0] = command;
    System.arraycopy(common, 0, args, 1, common.length);
    System.arraycopy(more, 0, args, 1 + common.length, more.length);
    return Workspace.run(args);
  }
}
