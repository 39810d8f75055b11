package dev.strata.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DownRequest;
import dev.strata.api.DownResult;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import dev.strata.testsupport.SchemaDump;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Applies real migration sets from the shared corpus and compares the schema with the one the
 * native client produced ({@code reference.postgres.sql}). On PostgreSQL 15, where the references
 * were dumped, the dump itself is compared, normalised as the corpus README says; on every server
 * version (the build's version matrix runs this class on each) the reference is also run with psql
 * into a second database on the same server, and the two catalogs are compared. Skipped when the
 * corpus or {@code pg_dump} is absent.
 */
@PostgresTest
class PostgresCorpusIT {
  @Test
  void appliesKestraAndProducesTheReferenceSchema(IsolatedDatabase db, IsolatedDatabase native_)
      throws Exception {
    Path set = Corpus.require("flyway-kestra-pg");
    if (SchemaDump.majorVersion(db) < 14) {
      // Kestra's FULLTEXT_REPLACE has an SQL-standard body (RETURN ...), new in PostgreSQL 14:
      // psql stops there too, with the same error.
      assertThatThrownBy(() -> strata(db, set).migrate())
          .isInstanceOfSatisfying(
              MigrationFailedException.class,
              e -> {
                assertThat(e.line()).isEqualTo(73);
                assertThat(e.sqlState()).isEqualTo("42601");
              })
          .hasMessageContaining("V1_1__initial.sql:73");
      return;
    }

    MigrateResult result = strata(db, set).migrate();

    assertThat(result.applied()).hasSize(26);
    assertSameSchemaAsTheNativeClient(db, native_, set, "flyway-kestra-pg");
  }

  @Test
  void appliesOryKetoPostgresVariantsAndRevertsThemAll(
      IsolatedDatabase db, IsolatedDatabase native_) throws Exception {
    Path set = Corpus.require("ory-keto");

    MigrateResult up = strata(db, set).migrate();

    assertThat(up.applied()).hasSize(16);
    assertSameSchemaAsTheNativeClient(db, native_, set, "ory-keto");

    DownResult down = strata(db, set).down(DownRequest.steps(16));

    assertThat(down.reverted()).hasSize(16);
    assertThat(SchemaDump.postgresCatalog(db)).doesNotContain("column ", "index ", "routine ");
    assertThat(
            PostgresMigrateIT.column(
                db,
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' ORDER BY 1"))
        .containsExactly("strata_schema_history", "strata_schema_history_pkey");
  }

  private static void assertSameSchemaAsTheNativeClient(
      IsolatedDatabase db, IsolatedDatabase native_, Path set, String name) throws Exception {
    if (SchemaDump.majorVersion(db) == SchemaDump.POSTGRES_REFERENCE_MAJOR) {
      assertThat(dump(db, name)).isEqualTo(reference(set, name));
    }
    SchemaDump.restorePostgres(native_, set.resolve("reference.postgres.sql"));
    String expected = SchemaDump.postgresCatalog(native_);
    assertThat(expected).contains("column ");
    assertThat(SchemaDump.postgresCatalog(db)).isEqualTo(expected);
  }

  private static Strata strata(IsolatedDatabase db, Path set) {
    return Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + set.resolve("migrations"))
        .load();
  }

  private static String reference(Path set, String name) throws IOException {
    return normalise(Files.readString(set.resolve("reference.postgres.sql")));
  }

  /**
   * {@code pg_dump --schema-only --no-owner --no-privileges} of the database, normalised, with the
   * database's name replaced by the reference's ({@code acc_<set>}).
   */
  private static String dump(IsolatedDatabase db, String name)
      throws IOException, InterruptedException, SQLException {
    URI url = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    List<String> command =
        new ArrayList<>(
            List.of(
                "pg_dump",
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "--restrict-key=acceptance",
                "-h",
                url.getHost(),
                "-p",
                String.valueOf(url.getPort() < 0 ? 5432 : url.getPort())));
    if (!db.user().isEmpty()) {
      command.addAll(List.of("-U", db.user()));
    }
    command.add(db.name());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (!db.password().isEmpty()) {
      builder.environment().put("PGPASSWORD", db.password());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      Assumptions.abort("pg_dump is not installed: " + e.getMessage());
      throw e;
    }
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    return normalise(text.replace(db.name(), "acc_" + name));
  }

  /**
   * Leaves out the header lines that name versions and Strata's own {@code strata_*} objects (each
   * dump entry starts with a {@code -- Name: ...} comment block).
   */
  static String normalise(String dump) {
    List<String> kept = new ArrayList<>();
    String[] lines = dump.split("\n", -1);
    boolean skipping = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.equals("--") && i + 1 < lines.length && lines[i + 1].startsWith("-- Name: ")) {
        skipping = lines[i + 1].contains("strata_");
      }
      boolean header =
          line.startsWith("-- Dumped from")
              || line.startsWith("-- Dumped by")
              || line.startsWith("-- Host")
              || line.startsWith("-- Server version");
      if (!skipping && !header) {
        kept.add(line);
      }
    }
    return String.join("\n", kept).strip() + "\n";
  }
}
