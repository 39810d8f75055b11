package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import dev.strata.api.StrataEvent;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baselineFrom} goose, dbmate, sqlx, Diesel and Prisma on MariaDB/MySQL: each tool's table
 * created with the tool's own MySQL DDL, rows inserted as the tool writes them.
 */
@MySqlTest
class MySqlAdoptIT {
  static final String V1 = "CREATE TABLE person (id int PRIMARY KEY);\n";
  static final String V2 = "CREATE TABLE pet (id int PRIMARY KEY);\n";
  static final String V3 = "CREATE TABLE toy (id int PRIMARY KEY);\n";

  @TempDir Path dir;
  final List<StrataEvent.Warning> warnings = new ArrayList<>();

  Strata strata(IsolatedDatabase db, boolean outOfOrder) {
    return Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + dir)
        .outOfOrder(outOfOrder)
        .lockTimeout(Duration.ofSeconds(60))
        .listener(
            e -> {
              if (e instanceof StrataEvent.Warning w) {
                warnings.add(w);
              }
            })
        .load();
  }

  /** Files V{a} person, V{b} pet, V{c} toy; the first one's table exists, as the tool made it. */
  void files(IsolatedDatabase db, String a, String b, String c) throws Exception {
    Files.writeString(dir.resolve("V" + a + "__person.sql"), V1, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("V" + b + "__pet.sql"), V2, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("V" + c + "__toy.sql"), V3, StandardCharsets.UTF_8);
    sql(db, V1);
  }

  static void sql(IsolatedDatabase db, String statement, Object... params) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.execute();
    }
  }

  static String rows(IsolatedDatabase db, String table) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(rs.getString(i)).append(i < rs.getMetaData().getColumnCount() ? "|" : "\n");
        }
      }
    }
    return out.toString();
  }

  static boolean historyExists(IsolatedDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name = 'strata_schema_history'")) {
      return rs.next();
    }
  }

  List<String> history(IsolatedDatabase db) {
    return strata(db, false).history().stream().map(MySqlAdoptIT::describe).toList();
  }

  static String describe(HistoryEntry e) {
    return e.rank() + " " + e.action() + " " + e.id().version();
  }

  static List<String> versions(List<MigrationId> ids) {
    return ids.stream().map(id -> id.version().toString()).toList();
  }

  List<String> migrate(IsolatedDatabase db, boolean outOfOrder) {
    return strata(db, outOfOrder).migrate().applied().stream()
        .map(m -> m.id().version().toString())
        .toList();
  }

  void refusedChangingNothing(IsolatedDatabase db, String tool, String table, String... messages)
      throws Exception {
    String before = rows(db, table);
    var thrown =
        assertThatThrownBy(() -> strata(db, false).baselineFrom(tool))
            .isInstanceOf(ValidationException.class);
    for (String m : messages) {
      thrown.hasMessageContaining(m);
    }
    assertThat(historyExists(db)).isFalse();
    assertThat(rows(db, table)).isEqualTo(before);
  }

  byte[] digest(String algorithm, String file) throws Exception {
    try (var files = Files.walk(dir)) {
      Path path =
          files.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElseThrow();
      return MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(path));
    }
  }

  @Test
  void adoptsGoosesAppliedVersionsAndRefusesAMissingOneUnlessOutOfOrder(IsolatedDatabase db)
      throws Exception {
    files(db, "20240115180414", "20240116000000", "20240117000000");
    // goose's internal/dialect/dialectquery/mysql.go
    sql(
        db,
        "CREATE TABLE goose_db_version (\n"
            + "\t\tid serial NOT NULL,\n"
            + "\t\tversion_id bigint NOT NULL,\n"
            + "\t\tis_applied boolean NOT NULL,\n"
            + "\t\ttstamp timestamp NULL default now(),\n"
            + "\t\tPRIMARY KEY(id)\n"
            + "\t)");
    String insert = "INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, ?)";
    sql(db, insert, 0L, true);
    sql(db, insert, 20240115180414L, true);
    sql(db, insert, 20240117000000L, true);
    sql(db, "CREATE TABLE toy (id int PRIMARY KEY)");

    refusedChangingNothing(
        db,
        "goose",
        "goose_db_version",
        "V20240116000000 pet ("
            + dir.resolve("V20240116000000__pet.sql")
            + ") is older than goose's current version 20240117000000 but goose never applied it;"
            + " goose itself refuses to migrate then (\"found 1 missing migrations\") unless run"
            + " with -allow-missing. Renumber it above 20240117000000, or adopt with"
            + " strata.outOfOrder=true, Strata's -allow-missing: it stays pending, and `migrate`"
            + " with strata.outOfOrder=true applies it");

    var result = strata(db, true).baselineFrom("goose");

    assertThat(versions(result.adopted())).containsExactly("20240115180414", "20240117000000");
    assertThat(warnings).hasSize(1);
    assertThat(migrate(db, true)).containsExactly("20240116000000");
    assertThat(history(db))
        .containsExactly(
            "1 BASELINE 20240115180414", "2 BASELINE 20240117000000", "3 APPLY 20240116000000");
    assertThat(rows(db, "goose_db_version")).hasLineCount(3);
  }

  @Test
  void adoptsDbmatesVersionsAndRefusesOneNoSourceHas(IsolatedDatabase db) throws Exception {
    files(db, "9", "10", "11");
    sql(db, V2);
    // dbmate's pkg/driver/postgres/postgres.go
    sql(db, "create table if not exists `schema_migrations` (version varchar(255) primary key)");
    sql(db, "insert into `schema_migrations` (version) values (?)", "9");
    sql(db, "insert into `schema_migrations` (version) values (?)", "42");

    refusedChangingNothing(
        db, "dbmate", "schema_migrations", "dbmate applied version '42' but no source has");

    sql(db, "delete from `schema_migrations` where version = ?", "42");
    sql(db, "insert into `schema_migrations` (version) values (?)", "10");
    assertThat(versions(strata(db, false).baselineFrom("dbmate").adopted()))
        .containsExactly("9", "10");
    assertThat(migrate(db, false)).containsExactly("11");
    assertThat(history(db)).containsExactly("1 BASELINE 9", "2 BASELINE 10", "3 APPLY 11");
  }

  @Test
  void adoptsSqlxsMigrationsByChecksumAndRefusesAMismatchOrADirtyOne(IsolatedDatabase db)
      throws Exception {
    files(db, "20240101000000", "20240102000000", "20240103000000");
    sql(db, V2);
    // sqlx-mysql/src/migrate.rs: the row is written with success = FALSE, then set TRUE
    sql(
        db,
        "CREATE TABLE IF NOT EXISTS _sqlx_migrations (\n"
            + "    version BIGINT PRIMARY KEY,\n"
            + "    description TEXT NOT NULL,\n"
            + "    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
            + "    success BOOLEAN NOT NULL,\n"
            + "    checksum BLOB NOT NULL,\n"
            + "    execution_time BIGINT NOT NULL\n"
            + ")");
    String insert =
        "INSERT INTO _sqlx_migrations ( version, description, success, checksum, execution_time )"
            + " VALUES ( ?, ?, FALSE, ?, -1 )";
    sql(db, insert, 20240101000000L, "person", digest("SHA-384", "V20240101000000__person.sql"));
    sql(db, insert, 20240102000000L, "pet", digest("SHA-384", "V20240103000000__toy.sql"));
    sql(db, "UPDATE _sqlx_migrations SET success = TRUE");

    refusedChangingNothing(
        db,
        "sqlx",
        "_sqlx_migrations",
        "sqlx applied version 20240102000000 (pet) with checksum "
            + HexFormat.of().formatHex(digest("SHA-384", "V20240103000000__toy.sql"))
            + ", but "
            + dir.resolve("V20240102000000__pet.sql")
            + " has "
            + HexFormat.of().formatHex(digest("SHA-384", "V20240102000000__pet.sql")));

    sql(
        db,
        "UPDATE _sqlx_migrations SET checksum = ?, success = FALSE WHERE version = ?",
        digest("SHA-384", "V20240102000000__pet.sql"),
        20240102000000L);
    refusedChangingNothing(
        db,
        "sqlx",
        "_sqlx_migrations",
        "sqlx recorded version 20240102000000 (pet) with success = false");

    sql(db, "UPDATE _sqlx_migrations SET success = TRUE");
    assertThat(versions(strata(db, false).baselineFrom("sqlx").adopted()))
        .containsExactly("20240101000000", "20240102000000");
    assertThat(migrate(db, false)).containsExactly("20240103000000");
  }

  @Test
  void adoptsDieselsVersionsAndRefusesOneNoSourceHas(IsolatedDatabase db) throws Exception {
    files(db, "20230101000000", "20230102000000", "20230103000000");
    // diesel_migrations' setup_migration_table.sql
    sql(
        db,
        "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (\n"
            + "       version VARCHAR(50) PRIMARY KEY NOT NULL,\n"
            + "       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
            + ")");
    String insert = "INSERT INTO __diesel_schema_migrations (version) VALUES (?)";
    sql(db, insert, "20230101000000");
    sql(db, insert, "20221231000000");

    refusedChangingNothing(
        db,
        "diesel",
        "__diesel_schema_migrations",
        "Diesel applied version '20221231000000' but no source has that version");

    sql(db, "DELETE FROM __diesel_schema_migrations WHERE version = ?", "20221231000000");
    assertThat(versions(strata(db, false).baselineFrom("diesel").adopted()))
        .containsExactly("20230101000000");
    assertThat(migrate(db, false)).containsExactly("20230102000000", "20230103000000");
  }

  @Test
  void adoptsPrismasFinishedMigrationsAndRefusesAFailedOne(IsolatedDatabase db) throws Exception {
    for (String[] m :
        new String[][] {
          {"20210101000000_init", "V20210101000000__init.sql", V1},
          {"20210102000000_pets", "V20210102000000__pets.sql", V2},
          {"20210103000000_toys", "V20210103000000__toys.sql", V3}
        }) {
      Path folder = Files.createDirectories(dir.resolve(m[0]));
      Files.writeString(folder.resolve(m[1]), m[2], StandardCharsets.UTF_8);
    }
    sql(db, V1);
    // schema-engine's sql-schema-connector, flavour/mysql.rs
    sql(
        db,
        "CREATE TABLE _prisma_migrations (\n"
            + "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
            + "    checksum                VARCHAR(64) NOT NULL,\n"
            + "    finished_at             DATETIME(3),\n"
            + "    migration_name          VARCHAR(255) NOT NULL,\n"
            + "    logs                    TEXT,\n"
            + "    rolled_back_at          DATETIME(3),\n"
            + "    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
            + "    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
            + ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    String sha = HexFormat.of().formatHex(digest("SHA-256", "V20210101000000__init.sql"));
    sql(
        db,
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at,"
            + " applied_steps_count) VALUES (?, ?, ?, NOW(3) - INTERVAL 1 HOUR, NOW(3), 1)",
        UUID.randomUUID().toString(),
        sha,
        "20210101000000_init");
    sql(
        db,
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES (?, ?, ?,"
            + " 'relation \"pet\" already exists')",
        UUID.randomUUID().toString(),
        HexFormat.of().formatHex(digest("SHA-256", "V20210102000000__pets.sql")),
        "20210102000000_pets");

    refusedChangingNothing(
        db,
        "prisma",
        "_prisma_migrations",
        "Prisma recorded migration 20210102000000_pets (started at ",
        "as failed (neither finished_at nor rolled_back_at is set); `prisma migrate deploy`"
            + " refuses to go on too (P3009)");

    sql(db, "UPDATE _prisma_migrations SET rolled_back_at = NOW(3) WHERE finished_at IS NULL");
    assertThat(versions(strata(db, false).baselineFrom("prisma").adopted()))
        .containsExactly("20210101000000");
    assertThat(migrate(db, false)).containsExactly("20210102000000", "20210103000000");
    assertThat(rows(db, "_prisma_migrations")).hasLineCount(2);
  }
}
