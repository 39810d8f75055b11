package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationId;
import dev.strata.api.StrataEvent;
import dev.strata.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baselineFrom} for goose, dbmate, sqlx, Diesel and Prisma on H2: each tool's table as the
 * tool creates it on PostgreSQL (the names quoted; H2 spells timestamptz and bytea in full), rows
 * as the tool writes them. Every refusal leaves Strata's history absent and the tool's table as it
 * was.
 */
class AdoptToolsOnH2IT {
  static final String V1 = "CREATE TABLE person (id INT PRIMARY KEY);\n";
  static final String V2 = "CREATE TABLE pet (id INT PRIMARY KEY);\n";
  static final String V3 = "CREATE TABLE toy (id INT PRIMARY KEY);\n";

  @TempDir Path dir;
  H2Database db;
  final List<StrataEvent.Warning> warnings = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
  }

  Strata strata() {
    return strata(false);
  }

  Strata strata(boolean outOfOrder) {
    return db.configure()
        .outOfOrder(outOfOrder)
        .listener(
            e -> {
              if (e instanceof StrataEvent.Warning w) {
                warnings.add(w);
              }
            })
        .load();
  }

  void sql(String statement, Object... params) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.execute();
    }
  }

  /** Files V{a} person, V{b} pet, V{c} toy; the person table exists, as the tool made it. */
  void files(String a, String b, String c) throws Exception {
    db.file("V" + a + "__person.sql", V1).file("V" + b + "__pet.sql", V2);
    db.file("V" + c + "__toy.sql", V3);
    sql("CREATE TABLE person (id INT PRIMARY KEY)");
  }

  static List<String> versions(List<MigrationId> ids) {
    return ids.stream().map(id -> id.version().toString()).toList();
  }

  List<String> states() {
    return strata(true).status().migrations().stream()
        .map(i -> i.id().version() + "=" + i.state())
        .toList();
  }

  String table(String name) throws Exception {
    return String.join("\n", db.column("SELECT * FROM \"" + name + "\""));
  }

  void refusedChangingNothing(String tool, String table, String... messages) throws Exception {
    String before = table(table);
    var thrown =
        assertThatThrownBy(() -> strata().baselineFrom(tool))
            .isInstanceOf(ValidationException.class);
    for (String m : messages) {
      thrown.hasMessageContaining(m);
    }
    assertThat(db.tableExists("strata_schema_history")).isFalse();
    assertThat(table(table)).isEqualTo(before);
  }

  static byte[] digest(String algorithm, byte[] bytes) throws Exception {
    return MessageDigest.getInstance(algorithm).digest(bytes);
  }

  byte[] fileBytes(String name) throws Exception {
    try (var files = Files.walk(db.migrations)) {
      return Files.readAllBytes(
          files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow());
    }
  }

  // goose

  void gooseTable() throws Exception {
    sql(
        "CREATE TABLE \"goose_db_version\" (\"id\" serial NOT NULL, \"version_id\" bigint NOT NULL,"
            + " \"is_applied\" boolean NOT NULL, \"tstamp\" timestamp NULL default now(),"
            + " PRIMARY KEY(\"id\"))");
    goose(0, true); // goose's own row, written with the table
  }

  void goose(long version, boolean applied) throws Exception {
    sql(
        "INSERT INTO \"goose_db_version\" (\"version_id\", \"is_applied\") VALUES (?, ?)",
        version,
        applied);
  }

  @Test
  void adoptsWhatGooseAppliedByTheNewestRowOfEachVersionAndRunsOnlyTheRest() throws Exception {
    files("20240115180414", "20240116000000", "20240117000000");
    gooseTable();
    goose(20240115180414L, true);
    goose(20240116000000L, true);
    goose(20240116000000L, false); // a down, appended: the version is no longer applied

    var result = strata().baselineFrom("goose");
    var migrate = strata().migrate();

    assertThat(versions(result.adopted())).containsExactly("20240115180414");
    assertThat(result.version()).hasToString("20240115180414");
    assertThat(migrate.applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("20240116000000", "20240117000000");
    assertThat(db.history())
        .containsExactly(
            "1 BASELINE 20240115180414 TRUE 0",
            "2 APPLY 20240116000000 TRUE 1",
            "3 APPLY 20240117000000 TRUE 1");
    assertThat(warnings).isEmpty();
  }

  @Test
  void refusesAMigrationGooseNeverAppliedBeforeItsCurrentVersionUnlessOutOfOrder()
      throws Exception {
    files("1", "2", "3");
    gooseTable();
    goose(1, true);
    goose(3, true);

    refusedChangingNothing(
        "goose",
        "goose_db_version",
        "V2 pet ("
            + db.migrations.resolve("V2__pet.sql")
            + ") is older than goose's current"
            + " version 3 but goose never applied it",
        "-allow-missing",
        "strata.outOfOrder=true");

    assertThat(versions(strata(true).baselineFrom("goose").adopted())).containsExactly("1", "3");
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("V2 pet", "stays pending"));
    assertThat(strata(true).migrate().applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("2");
  }

  @Test
  void refusesAVersionGooseAppliedThatNoSourceHas() throws Exception {
    files("1", "2", "3");
    gooseTable();
    goose(1, true);
    goose(7, true);

    refusedChangingNothing(
        "goose",
        "goose_db_version",
        "Baselining from goose changed nothing: goose's history and the sources disagree:",
        "goose applied version 7 but no source has that version");
  }

  // dbmate

  void dbmateTable(String... versions) throws Exception {
    sql("CREATE TABLE \"schema_migrations\" (\"version\" varchar(255) primary key)");
    for (String v : versions) {
      sql("INSERT INTO \"schema_migrations\" (\"version\") VALUES (?)", v);
    }
  }

  @Test
  void adoptsDbmatesVersionsComparingThemAsNumbers() throws Exception {
    files("9", "10", "11");
    sql("CREATE TABLE pet (id INT PRIMARY KEY)");
    dbmateTable("9", "10"); // '10' sorts before '9' as text

    var result = strata().baselineFrom("dbmate");

    assertThat(versions(result.adopted())).containsExactly("9", "10");
    assertThat(result.version()).hasToString("10");
    assertThat(versions(strata().migrate().applied().stream().map(m -> m.id()).toList()))
        .containsExactly("11");
  }

  @Test
  void leavesAMigrationDbmateNeverAppliedPendingAndSaysSo() throws Exception {
    files("20240101000000", "20240102000000", "20240103000000");
    sql("CREATE TABLE toy (id INT PRIMARY KEY)");
    dbmateTable("20240101000000", "20240103000000");

    var result = strata().baselineFrom("dbmate");

    assertThat(versions(result.adopted())).containsExactly("20240101000000", "20240103000000");
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.message())
                    .isEqualTo(
                        "V20240102000000 pet ("
                            + db.migrations.resolve("V20240102000000__pet.sql")
                            + ") is older than 20240103000000, the newest migration dbmate"
                            + " applied, but dbmate never applied it, so it stays pending: dbmate"
                            + " would apply it next; apply it with `migrate` and strata.outOfOrder=true, or"
                            + " renumber it above 20240103000000"));
    assertThat(states())
        .containsExactly(
            "20240101000000=BASELINED", "20240102000000=PENDING", "20240103000000=BASELINED");
    assertThat(strata(true).migrate().applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("20240102000000");
    assertThat(table("schema_migrations")).isEqualTo("20240101000000\n20240103000000");
  }

  @Test
  void refusesADbmateVersionNoSourceHasAndGolangMigratesTableOfTheSameName() throws Exception {
    files("1", "2", "3");
    dbmateTable("1", "20991231000000");

    refusedChangingNothing(
        "dbmate", "schema_migrations", "dbmate applied version '20991231000000' but no source");
    refusedChangingNothing(
        "golang-migrate",
        "schema_migrations",
        "PUBLIC.schema_migrations has no dirty column: it is not golang-migrate's table; if dbmate"
            + " wrote it, adopt it with `baseline` from dbmate");

    sql("DROP TABLE \"schema_migrations\"");
    sql("CREATE TABLE \"schema_migrations\" (\"version\" BIGINT, \"dirty\" BOOLEAN)");
    sql("INSERT INTO \"schema_migrations\" VALUES (1, FALSE)");
    refusedChangingNothing("dbmate", "schema_migrations", "`baseline` from golang-migrate");
  }

  // sqlx

  void sqlxTable() throws Exception {
    sql(
        "CREATE TABLE IF NOT EXISTS \"_sqlx_migrations\" (\"version\" BIGINT PRIMARY KEY,"
            + " \"description\" TEXT NOT NULL, \"installed_on\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),"
            + " \"success\" BOOLEAN NOT NULL, \"checksum\" VARBINARY NOT NULL,"
            + " \"execution_time\" BIGINT NOT NULL)");
  }

  void sqlx(long version, String description, boolean success, byte[] checksum) throws Exception {
    sql(
        "INSERT INTO \"_sqlx_migrations\" (\"version\", \"description\", \"success\","
            + " \"checksum\", \"execution_time\") VALUES (?, ?, ?, ?, ?)",
        version,
        description,
        success,
        checksum,
        1_234_567L);
  }

  @Test
  void sqlxsChecksumIsTheSha384OfTheFile() throws Exception {
    // printf 'CREATE TABLE person (id INT PRIMARY KEY);\n' | sha384sum
    assertThat(HexFormat.of().formatHex(digest("SHA-384", V1.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(
            "bb5381dab8ba23f60fd5d85afc972d6c9f78a2a0bca73392877508b5c6fd7bff86b4bd9509fe1ea3ddb8b99b36c46490");
  }

  @Test
  void adoptsWhatSqlxAppliedWhenEveryChecksumMatches() throws Exception {
    files("20240101000000", "20240102000000", "20240103000000");
    sql("CREATE TABLE pet (id INT PRIMARY KEY)");
    sqlxTable();
    sqlx(
        20240101000000L,
        "person",
        true,
        digest("SHA-384", fileBytes("V20240101000000__person.sql")));
    sqlx(20240102000000L, "pet", true, digest("SHA-384", fileBytes("V20240102000000__pet.sql")));

    var result = strata().baselineFrom("sqlx");

    assertThat(versions(result.adopted())).containsExactly("20240101000000", "20240102000000");
    assertThat(strata().migrate().applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("20240103000000");
  }

  @Test
  void refusesASqlxChecksumMismatchAndADirtyMigrationNamingEach() throws Exception {
    files("1", "2", "3");
    sqlxTable();
    byte[] other =
        digest("SHA-384", "CREATE TABLE someone_else (id INT);\n".getBytes(StandardCharsets.UTF_8));
    sqlx(1, "person", true, other);
    sqlx(2, "pet", false, digest("SHA-384", fileBytes("V2__pet.sql")));

    refusedChangingNothing(
        "sqlx",
        "_sqlx_migrations",
        "sqlx applied version 1 (person) with checksum " + HexFormat.of().formatHex(other),
        db.migrations.resolve("V1__person.sql")
            + " has "
            + HexFormat.of().formatHex(digest("SHA-384", fileBytes("V1__person.sql")))
            + ": the file was edited after sqlx applied it",
        "sqlx recorded version 2 (pet) with success = false",
        "\"migration 2 is partially applied\"");
  }

  // Diesel

  @Test
  void adoptsDieselsVersionsTheFolderPrefixWithoutDashes() throws Exception {
    // Diesel's 2023-01-01-000000_create_users and so on, as the source names their versions.
    files("20230101000000", "20230102000000", "20230103000000");
    sql(
        "CREATE TABLE IF NOT EXISTS \"__diesel_schema_migrations\" (\"version\" VARCHAR(50)"
            + " PRIMARY KEY NOT NULL, \"run_on\" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    sql("INSERT INTO \"__diesel_schema_migrations\" (\"version\") VALUES ('20230101000000')");

    var result = strata().baselineFrom("diesel");

    assertThat(versions(result.adopted())).containsExactly("20230101000000");
    assertThat(strata().migrate().applied()).hasSize(2);

    sql("INSERT INTO \"__diesel_schema_migrations\" (\"version\") VALUES ('20240101000000')");
    sql("DROP TABLE \"strata_schema_history\"");
    refusedChangingNothing(
        "diesel",
        "__diesel_schema_migrations",
        "Diesel applied version '20240101000000' but no source has that version");
  }

  // Prisma

  void prismaTable() throws Exception {
    sql(
        "CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) PRIMARY KEY NOT NULL,"
            + " \"checksum\" VARCHAR(64) NOT NULL, \"finished_at\" TIMESTAMP WITH TIME ZONE,"
            + " \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" TEXT,"
            + " \"rolled_back_at\" TIMESTAMP WITH TIME ZONE, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),"
            + " \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)");
  }

  int minute;

  void prisma(String name, String checksum, boolean finished, boolean rolledBack) throws Exception {
    Timestamp started =
        Timestamp.from(Instant.parse("2021-01-01T00:00:00Z").plusSeconds(60L * minute++));
    sql(
        "INSERT INTO \"_prisma_migrations\" (\"id\", \"checksum\", \"finished_at\","
            + " \"migration_name\", \"rolled_back_at\", \"started_at\", \"applied_steps_count\")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        checksum,
        finished ? started : null,
        name,
        rolledBack ? started : null,
        started,
        finished ? 1 : 0);
  }

  /** Prisma's layout: one folder per migration, named by it (the file's own name differs). */
  void prismaFolders() throws Exception {
    for (String[] m :
        new String[][] {
          {"20210101000000_init", "V20210101000000__first.sql", V1},
          {"20210102000000_pets", "V20210102000000__second.sql", V2},
          {"20210103000000_toys", "V20210103000000__third.sql", V3}
        }) {
      Path folder = Files.createDirectories(db.migrations.resolve(m[0]));
      Files.writeString(folder.resolve(m[1]), m[2], StandardCharsets.UTF_8);
    }
    sql("CREATE TABLE person (id INT PRIMARY KEY)");
  }

  String sha256(String file) throws Exception {
    return HexFormat.of().formatHex(digest("SHA-256", fileBytes(file)));
  }

  @Test
  void prismasChecksumIsTheSha256HexOfMigrationSql() throws Exception {
    // printf 'CREATE TABLE person (id INT PRIMARY KEY);\n' | sha256sum
    assertThat(HexFormat.of().formatHex(digest("SHA-256", V1.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("9b7d6174514f1e2186a46023781a3c8c3499621778c0252b57fddc60acb9fce9");
  }

  @Test
  void adoptsPrismasFinishedMigrationsByFolderNameAndReappliesARolledBackOne() throws Exception {
    prismaFolders();
    sql("CREATE TABLE toy (id INT PRIMARY KEY)");
    prismaTable();
    prisma("20210101000000_init", sha256("V20210101000000__first.sql"), true, false);
    prisma("20210102000000_pets", sha256("V20210102000000__second.sql"), false, true);
    prisma("20210103000000_toys", sha256("V20210103000000__third.sql"), true, false);

    var result = strata().baselineFrom("prisma");

    assertThat(versions(result.adopted())).containsExactly("20210101000000", "20210103000000");
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("V20210102000000 second ("));
    assertThat(strata(true).migrate().applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("20210102000000");
  }

  @Test
  void matchesPrismasChecksumOfTheSameScriptWithOtherLineEndingsOrUnpadded() throws Exception {
    prismaFolders();
    prismaTable();
    String crlf =
        HexFormat.of()
            .formatHex(
                digest("SHA-256", V1.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    prisma("20210101000000_init", crlf, true, false);
    StringBuilder unpadded = new StringBuilder();
    for (byte b : digest("SHA-256", fileBytes("V20210102000000__second.sql"))) {
      unpadded.append(Integer.toHexString(b & 0xff));
    }
    prisma("20210102000000_pets", unpadded.toString(), true, false);
    sql("CREATE TABLE pet (id INT PRIMARY KEY)");

    assertThat(versions(strata().baselineFrom("prisma").adopted()))
        .containsExactly("20210101000000", "20210102000000");
  }

  @Test
  void refusesAFailedPrismaMigrationAChecksumMismatchAndAnUnknownName() throws Exception {
    prismaFolders();
    prismaTable();
    prisma("20210101000000_init", "0".repeat(64), true, false);
    prisma("20210102000000_pets", sha256("V20210102000000__second.sql"), false, false);
    prisma("20201231000000_elsewhere", "1".repeat(64), true, false);

    refusedChangingNothing(
        "prisma",
        "_prisma_migrations",
        "Prisma applied migration 20210101000000_init (started at 2021-01-01 00:00:00",
        "with checksum " + "0".repeat(64) + ", but ",
        "Prisma recorded migration 20210102000000_pets (started at ",
        "as failed (neither finished_at nor rolled_back_at is set); `prisma migrate deploy`"
            + " refuses to go on too (P3009)",
        "prisma migrate resolve --rolled-back 20210102000000_pets",
        "Prisma applied migration 20201231000000_elsewhere (started at ",
        "but no source has that name; point strata.sources at the folder Prisma migrated from");
  }
}
