package dev.strata.source.drizzle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.DownRequest;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationPlan;
import dev.strata.api.SqlStatement;
import dev.strata.api.StrataEvent;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made drizzle folder applied by the whole engine to an in-memory H2 database. */
class DrizzleOnH2IT {
  private final String url =
      "jdbc:h2:mem:d" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";

  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private StrataConfiguration.Builder configure() {
    return Strata.configure().url(url).sources("drizzle:" + dir);
  }

  private List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private void journalFolder() throws IOException {
    write(
        "meta/_journal.json",
        """
        {
          "version": "7",
          "dialect": "postgresql",
          "entries": [
            {"idx": 0, "version": "7", "when": 1728598022383, "tag": "0000_keen_devos", "breakpoints": true},
            {"idx": 1, "version": "7", "when": 1730207363999, "tag": "0001_custom_fix", "breakpoints": true},
            {"idx": 2, "version": "7", "when": 1730725226313, "tag": "0002_no_breakpoints", "breakpoints": false}
          ]
        }
        """);
    write(
        "0000_keen_devos.sql",
        "CREATE TABLE \"User\" (\n"
            + "\t\"id\" int PRIMARY KEY NOT NULL,\n"
            + "\t\"email\" varchar(64) NOT NULL\n"
            + ");--> statement-breakpoint\n"
            + "CREATE TABLE \"Chat\" (\n"
            + "\t\"id\" int PRIMARY KEY NOT NULL,\n"
            + "\t\"userId\" int NOT NULL\n"
            + ");\n"
            + "--> statement-breakpoint\n"
            + "ALTER TABLE \"Chat\" ADD CONSTRAINT \"Chat_userId_User_id_fk\" FOREIGN KEY"
            + " (\"userId\") REFERENCES \"User\"(\"id\");");
    write(
        "0001_custom_fix.sql",
        "-- Custom SQL migration file, put your code below! --\n-- intentionally empty --");
    write(
        "0002_no_breakpoints.sql",
        "ALTER TABLE \"Chat\" ADD COLUMN \"title\" varchar(100);\n"
            + "INSERT INTO \"User\" VALUES (1, 'ada@example.com');\n");
  }

  @Test
  void appliesAJournalFolderSplittingWhereDrizzleDoes() throws Exception {
    journalFolder();

    MigrateResult first = configure().load().migrate();
    MigrateResult second = configure().load().migrate();

    assertThat(first.applied())
        .extracting(m -> m.id().toString() + " " + m.statements())
        .containsExactly("V0000 keen devos 3", "V0001 custom fix 0", "V0002 no breakpoints 2");
    assertThat(second.applied()).isEmpty();
    assertThat(second.lockTaken()).isFalse();
    assertThat(column("SELECT \"email\" FROM \"User\"")).containsExactly("ada@example.com");
    assertThat(
            column("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'title'"))
        .containsExactly("1");
  }

  @Test
  void planShowsTheStatementsWithTheirLines() throws Exception {
    journalFolder();

    MigrationPlan plan = configure().load().plan();

    assertThat(plan.steps().get(0).statements())
        .extracting(SqlStatement::line)
        .containsExactly(1, 5, 10);
    assertThat(plan.steps().get(1).statements()).isEmpty();
    assertThat(plan.steps().get(2).statements())
        .extracting(SqlStatement::firstLine)
        .containsExactly(
            "ALTER TABLE \"Chat\" ADD COLUMN \"title\" varchar(100)",
            "INSERT INTO \"User\" VALUES (1, 'ada@example.com')");
  }

  @Test
  void refusesAFileTheJournalDoesNotListUnlessIgnoredAndThenReportsIt() throws Exception {
    journalFolder();
    Path stray = write("0003_forgotten.sql", "DROP TABLE \"User\";");
    List<StrataEvent> events = new ArrayList<>();

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> configure().load().migrate())
        .withMessageContaining(stray + ": is not listed in ");
    configure().ignore("0003_forgotten.sql").listener(events::add).load().migrate();

    assertThat(events).contains(new StrataEvent.FileIgnored(stray.toString()));
    assertThat(column("SELECT COUNT(*) FROM \"User\"")).containsExactly("1");
  }

  @Test
  void refusesAMissingFileBeforeApplyingAnything() throws Exception {
    journalFolder();
    Files.delete(dir.resolve("0002_no_breakpoints.sql"));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> configure().load().migrate())
        .withMessageStartingWith(
            dir.resolve("0002_no_breakpoints.sql") + " does not exist, but entry 3 of ");
    assertThat(column("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'User'"))
        .containsExactly("0");
  }

  @Test
  void appliesAndRevertsAFolderPerMigrationLayout() throws Exception {
    write(
        "20250101120000_init/migration.sql",
        "CREATE TABLE a (id int);--> statement-breakpoint\nCREATE TABLE b (id int);");
    write("20250101120000_init/snapshot.json", "{}");
    write("20250214093015_add_c/migration.sql", "CREATE TABLE c (id int);");
    write("20250214093015_add_c/snapshot.json", "{}");
    write("20250214093015_add_c/down.sql", "-- rollback\nDROP TABLE c;");

    MigrateResult applied = configure().load().migrate();

    assertThat(applied.applied()).extracting(ExecutedMigration::statements).containsExactly(2, 1);
    assertThat(column("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'C'"))
        .containsExactly("1");

    var down = configure().load().down(DownRequest.steps(1));

    assertThat(down.summary()).startsWith("reverted 1 migration (V20250214093015)");
    assertThat(
            column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN ('A', 'B',"
                    + " 'C')"))
        .containsExactly("2");
  }
}
