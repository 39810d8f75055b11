package dev.strata.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a migration set every engine under test applies unchanged: {@code
 * migrations/V<n>__<name>.sql} files in Flyway's naming (which Strata reads too) and, beside the
 * folder, {@code changelog.xml}, a Liquibase master changelog that includes each file in order.
 *
 * <p>Each file is also a Liquibase formatted-SQL changelog with one changeset: its first lines are
 * {@code -- liquibase formatted sql} and {@code -- changeset bench:<n>}, which are plain comments
 * to every other engine (with the space MySQL requires after {@code --}). The SQL is the portable
 * subset H2, PostgreSQL and MariaDB share (explicit ids, no sequences, {@code ;} at the end of a
 * line), so the floors split it with a trivial splitter.
 *
 * <p>Two shapes:
 *
 * <ul>
 *   <li>{@link Shape#REALISTIC}: the DDL and DML of a growing application, 4 or 6 statements and
 *       0.7 to 0.9 KB per file: a table with five columns, an index, three seed rows, every other
 *       file an {@code ALTER TABLE ... ADD COLUMN} on the previous table with an {@code UPDATE}.
 *   <li>{@link Shape#TRIVIAL}: one statement per file, to measure per-migration overhead at large N
 *       without the database's DDL cost.
 * </ul>
 *
 * <p>Whatever the shape, {@code V1} creates {@code bench_log (version INT NOT NULL)} and every
 * other file inserts exactly one row with its own version into it ({@code V1} too in the realistic
 * shape). The table has no key, so a migration applied twice shows as a duplicate: {@link
 * MigrationSet#expectedLogRows()} rows with as many distinct versions is the proof that each
 * migration ran exactly once.
 *
 * <p>Stateless and thread-safe.
 */
public final class MigrationSetGenerator {
  /** The folder, inside the set's directory, holding the SQL files. */
  public static final String MIGRATIONS = "migrations";

  /** The Liquibase master changelog, beside {@link #MIGRATIONS}. */
  public static final String CHANGELOG = "changelog.xml";

  private MigrationSetGenerator() {}

  /** What the files contain. */
  public enum Shape {
    REALISTIC,
    TRIVIAL;

    /** The shape for a benchmark parameter: {@code realistic} or {@code trivial}. */
    public static Shape named(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Writes {@code count} migrations of {@code shape} into {@code dir} (created if absent; it should
   * be empty).
   */
  public static MigrationSet generate(Path dir, Shape shape, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("A migration set needs at least one migration: " + count);
    }
    try {
      Path migrations = Files.createDirectories(dir.resolve(MIGRATIONS));
      StringBuilder changelog =
          new StringBuilder(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                  + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                  + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                  + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
      for (int v = 1; v <= count; v++) {
        String file = fileName(shape, v);
        String sql =
            "-- liquibase formatted sql\n"
                + "-- changeset bench:"
                + v
                + "\n"
                + (shape == Shape.REALISTIC ? realistic(v) : trivial(v));
        Files.writeString(migrations.resolve(file), sql, StandardCharsets.UTF_8);
        changelog
            .append("  <include file=\"")
            .append(MIGRATIONS)
            .append('/')
            .append(file)
            .append("\"/>\n");
      }
      changelog.append("</databaseChangeLog>\n");
      Files.writeString(dir.resolve(CHANGELOG), changelog, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the migration set into " + dir, e);
    }
    return MigrationSet.written(dir, shape, count);
  }

  private static String fileName(Shape shape, int v) {
    if (v == 1) {
      return "V1__create_bench_log.sql";
    }
    return shape == Shape.REALISTIC
        ? "V" + v + "__create_orders_" + v + ".sql"
        : "V" + v + "__log_" + v + ".sql";
  }

  private static String trivial(int v) {
    return v == 1
        ? "CREATE TABLE bench_log (version INT NOT NULL);\n"
        : "INSERT INTO bench_log (version) VALUES (" + v + ");\n";
  }

  private static String realistic(int v) {
    if (v == 1) {
      return "-- The log every migration appends to: one row per migration proves exactly-once.\n"
          + "CREATE TABLE bench_log (\n"
          + "  version INT NOT NULL,\n"
          + "  note VARCHAR(100)\n"
          + ");\n"
          + "INSERT INTO bench_log (version, note) VALUES (1, 'V1');\n";
    }
    String t = "bench_orders_" + v;
    StringBuilder sql = new StringBuilder();
    sql.append("-- Orders of tenant ")
        .append(v)
        .append(": a table, an index and seed rows.\n")
        .append("CREATE TABLE ")
        .append(t)
        .append(" (\n")
        .append("  id BIGINT NOT NULL PRIMARY KEY,\n")
        .append("  customer VARCHAR(100) NOT NULL,\n")
        .append("  status VARCHAR(20) DEFAULT 'new' NOT NULL,\n")
        .append("  amount DECIMAL(12, 2),\n")
        .append("  created_at TIMESTAMP NOT NULL\n")
        .append(");\n")
        .append("CREATE INDEX ")
        .append(t)
        .append("_status ON ")
        .append(t)
        .append(" (status);\n")
        .append("INSERT INTO ")
        .append(t)
        .append(" (id, customer, status, amount, created_at) VALUES\n")
        .append("  (1, 'Ada Lovelace', 'new', 10.50, TIMESTAMP '2024-01-01 09:00:00'),\n")
        .append("  (2, 'Grace Hopper', 'paid', 99.90, TIMESTAMP '2024-01-02 10:30:00'),\n")
        .append("  (3, 'Edsger Dijkstra', 'shipped', 1234.00, TIMESTAMP '2024-01-03 17:45:00');\n");
    if (v % 2 == 1 && v > 2) {
      String previous = "bench_orders_" + (v - 1);
      sql.append("-- A later change to the previous tenant's table.\n")
          .append("ALTER TABLE ")
          .append(previous)
          .append(" ADD COLUMN note_")
          .append(v)
          .append(" VARCHAR(200);\n")
          .append("UPDATE ")
          .append(previous)
          .append(" SET note_")
          .append(v)
          .append(" = 'reviewed in V")
          .append(v)
          .append("' WHERE status = 'paid';\n");
    }
    sql.append("INSERT INTO bench_log (version, note) VALUES (")
        .append(v)
        .append(", 'V")
        .append(v)
        .append("');\n");
    return sql.toString();
  }
}
