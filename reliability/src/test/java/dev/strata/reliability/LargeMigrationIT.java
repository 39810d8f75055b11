package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.api.SqlStatement;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB migration (1,000 multi-row INSERTs of 50 KB, quotes and semicolons inside the strings):
 * every parser splits it, and a JVM with a 512 MB heap applies it to PostgreSQL and MariaDB. Full
 * size only ({@code -Dstrata.reliability.full=true}).
 */
@Timeout(600)
class LargeMigrationIT {
  private static final int STATEMENTS = 1_000;
  private static final int ROWS = 100;
  private static final String HEAP = "512m";

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeTheFile() throws IOException {
    assumeTrue(Sizes.FULL, "the 50 MB migration runs with -D" + Sizes.FULL_PROPERTY + "=true only");
    file = dir.resolve("V1__big.sql");
    String payload =
        "semi;colon ''quoted'' -- not a comment /* nor this */ ".repeat(10); // ~550 chars
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("-- fifty megabytes, written as a stream\n");
      out.write("CREATE TABLE big (id INT PRIMARY KEY, payload VARCHAR(1000));\n");
      int id = 0;
      for (int s = 0; s < STATEMENTS; s++) {
        out.write("INSERT INTO big (id, payload) VALUES\n");
        for (int r = 0; r < ROWS; r++) {
          out.write("  (" + (++id) + ", '" + payload + "')" + (r < ROWS - 1 ? ",\n" : ";\n"));
        }
      }
    }
    System.out.printf("[reliability] wrote a %d MB migration%n", Files.size(file) >> 20);
  }

  @Test
  void everyParserSplitsAFiftyMegabyteScriptIntoItsStatements() throws Exception {
    String script = Files.readString(file);
    for (Parser parser : Parser.values()) {
      long start = System.nanoTime();
      List<SqlStatement> statements = parser.parse(script);
      long ms = (System.nanoTime() - start) / 1_000_000;

      assertThat(statements).hasSize(STATEMENTS + 1);
      assertThat(statements.get(STATEMENTS).line()).isEqualTo(3 + (STATEMENTS - 1) * (ROWS + 1));
      System.out.printf("[reliability] %s parser: 50 MB in %d ms%n", parser, ms);
    }
  }

  @Test
  void aJvmWithA512MegabyteHeapAppliesItToPostgres(@PostgresTest IsolatedDatabase db)
      throws Exception {
    appliesIt(db, "PostgreSQL");
  }

  @Test
  void aJvmWithA512MegabyteHeapAppliesItToMariaDb(@MySqlTest IsolatedDatabase db) throws Exception {
    appliesIt(db, "MariaDB");
  }

  private void appliesIt(IsolatedDatabase db, String product) throws Exception {
    long start = System.nanoTime();
    try (MigratorProcess migrator = MigratorProcess.start(HEAP, db.jdbcUrl(), dir)) {
      int exit = migrator.awaitExit(Duration.ofMinutes(8));

      assertThat(exit).as(migrator.transcript()).isZero();
      assertThat(migrator.output()).last().asString().startsWith("RESULT applied=1 ");
    }
    System.out.printf(
        "[reliability] %s: the 50 MB migration applied by a -Xmx%s JVM in %d ms%n",
        product, HEAP, (System.nanoTime() - start) / 1_000_000);
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM big"))
        .isEqualTo(String.valueOf(STATEMENTS * ROWS));
  }
}
