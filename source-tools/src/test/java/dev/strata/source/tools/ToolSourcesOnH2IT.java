package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.core.Strata;
import dev.strata.source.tools.internal.FixtureFolder;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine decides for the tool sources, the same on every database: here H2 in memory. */
class ToolSourcesOnH2IT {
  private final String url =
      "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";

  @TempDir Path dir;

  private void refusesDuplicates(String location, String first, String second) {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> Strata.configure().url(url).sources(location).load().migrate())
        .withMessage(
            "Found more than one up script for version "
                + (first.contains("/") ? "20240101000000" : "1")
                + ": "
                + dir.resolve(first)
                + " and "
                + dir.resolve(second)
                + "; give one of them a new version");
  }

  @Test
  void sqlxVersionsThatParseToTheSameNumberAreDuplicatesNamingBoth() {
    new FixtureFolder(dir).file("01_a.sql", "select 1;").file("1_b.sql", "select 1;");

    refusesDuplicates("sqlx:" + dir, "01_a.sql", "1_b.sql");
  }

  @Test
  void dieselVersionsThatAreTheSameWithoutDashesAreDuplicatesNamingBoth() {
    // Diesel keeps one of them in a HashMap and silently drops the other.
    new FixtureFolder(dir)
        .file("2024-01-01-000000_a/up.sql", "select 1;")
        .file("20240101000000_b/up.sql", "select 1;");

    refusesDuplicates("diesel:" + dir, "2024-01-01-000000_a/up.sql", "20240101000000_b/up.sql");
  }

  @Test
  void prismaFoldersWithTheSameTimestampAreDuplicatesNamingBoth() {
    new FixtureFolder(dir)
        .file("20240101000000_a/migration.sql", "select 1;")
        .file("20240101000000_b/migration.sql", "select 1;");

    refusesDuplicates(
        "prisma:" + dir, "20240101000000_a/migration.sql", "20240101000000_b/migration.sql");
  }
}
