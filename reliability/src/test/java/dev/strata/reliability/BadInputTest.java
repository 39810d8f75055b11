package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Bad input" table of {@code docs/reliability.md}: each hostile or broken input, run through
 * the command line against an H2 database that already holds whatever the case needs. Every one is
 * refused with its documented exit code and a message naming the file (and line where there is one)
 * and what to do; no stack trace is printed, and the database (its tables and every history row) is
 * exactly as it was: a good pending migration ({@code V1__canary.sql}) is never applied either.
 */
class BadInputTest {
  static final int CONFIGURATION = 3;
  static final int VALIDATION = 4;
  static final int DATABASE_UNREACHABLE = 7;

  /** A good migration before the bad one: it must not be applied when the bad one is refused. */
  static final String CANARY = "V1__canary.sql";

  @TempDir Path dir;

  /** What a case sets up before the refused run; it may change {@code --source}. */
  interface Prepare {
    void prepare(CliWorkspace ws) throws Exception;
  }

  /**
   * One row of the table.
   *
   * @param input the wording of the table's row
   * @param prepare writes the files (and applies what must be applied already)
   * @param args the command and extra options, after {@code --url} and {@code --source}
   * @param exit the expected exit code
   * @param says fragments the error must contain
   */
  record Case(String input, Prepare prepare, List<String> args, int exit, List<String> says) {
    @Override
    public String toString() {
      return input;
    }
  }

  static Case refused(String input, Prepare prepare, int exit, String... says) {
    return new Case(input, prepare, List.of("migrate"), exit, List.of(says));
  }

  static Case refused(String input, Prepare prepare, List<String> args, int exit, String... says) {
    return new Case(input, prepare, args, exit, List.of(says));
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Names
        refused(
            "two files with one version: V2__a.sql, V2__b.sql",
            ws -> {
              ws.file("V2__a.sql", "CREATE TABLE a (id INT);");
              ws.file("V2__b.sql", "CREATE TABLE b (id INT);");
            },
            CONFIGURATION,
            "V2__a.sql",
            "V2__b.sql"),
        refused(
            "one version in two conventions: V2__a.sql, 2_a.up.sql",
            ws -> {
              ws.file("V2__a.sql", "CREATE TABLE a (id INT);");
              ws.file("2_a.up.sql", "CREATE TABLE a (id INT);");
            },
            CONFIGURATION,
            "V2__a.sql",
            "2_a.up.sql"),
        refused(
            "a name that follows no convention (V2_add.sql)",
            ws -> ws.file("V2_add.sql", "CREATE TABLE a (id INT);"),
            CONFIGURATION,
            "V2_add.sql: has one underscore between version and description",
            "Flyway silently ignores such files",
            "rename it to V2__add.sql",
            "--ignore 'V2_add.sql'"),
        refused(
            "a goose folder read as filesystem: (20240115180414_init.sql with -- +goose Up)",
            ws -> ws.file("20240115180414_init.sql", "-- +goose Up\nCREATE TABLE a (id INT);\n"),
            CONFIGURATION,
            "20240115180414_init.sql: it has a '-- +goose Up' annotation",
            "It is a goose migration: read the location with goose:"),
        refused(
            "a down script without its up script (U3__x.sql)",
            ws -> ws.file("U3__x.sql", "DROP TABLE x;"),
            CONFIGURATION,
            "U3__x.sql"),
        // Encodings
        refused(
            "invalid UTF-8 (a lone 0xC3 byte) on line 3",
            ws -> ws.bytes("V2__bad.sql", bytes("-- a\n-- b\nSELECT 'x", 0xc3, "';\n")),
            CONFIGURATION,
            "V2__bad.sql:3: the file is not valid UTF-8",
            "iconv"),
        refused(
            "Windows-1252 text (‘café’) on line 2",
            ws ->
                ws.bytes(
                    "V2__cp1252.sql",
                    "CREATE TABLE t (v VARCHAR(9));\nINSERT INTO t VALUES ('\u2018caf\u00e9\u2019');\n"
                        .getBytes(Charset.forName("windows-1252"))),
            CONFIGURATION,
            "V2__cp1252.sql:2: the file is not valid UTF-8",
            "iconv"),
        refused(
            "an overlong UTF-8 encoding of '/' (0xC0 0xAF)",
            ws -> ws.bytes("V2__overlong.sql", bytes("SELECT '", 0xc0, 0xaf, "';\n")),
            CONFIGURATION,
            "V2__overlong.sql:1: the file is not valid UTF-8"),
        refused(
            "a UTF-8-encoded surrogate (0xED 0xA0 0x80)",
            ws -> ws.bytes("V2__surrogate.sql", bytes("SELECT '", 0xed, 0xa0, 0x80, "';\n")),
            CONFIGURATION,
            "V2__surrogate.sql:1: the file is not valid UTF-8"),
        refused(
            "UTF-16 with a byte-order mark (PowerShell's Out-File)",
            ws ->
                ws.bytes(
                    "V2__utf16.sql",
                    "\uFEFFCREATE TABLE a (id INT);\n".getBytes(StandardCharsets.UTF_16LE)),
            CONFIGURATION,
            "V2__utf16.sql:1: the file is UTF-16",
            "iconv -f utf-16 -t utf-8"),
        refused(
            "UTF-16 without a byte-order mark",
            ws ->
                ws.bytes(
                    "V2__utf16.sql",
                    "CREATE TABLE a (id INT);\n".getBytes(StandardCharsets.UTF_16LE)),
            CONFIGURATION,
            "V2__utf16.sql:1: the file contains a NUL byte",
            "iconv -f utf-16le -t utf-8"),
        refused(
            "a NUL byte on line 2",
            ws -> ws.file("V2__nul.sql", "CREATE TABLE a (id INT);\nSELECT '\0';\n"),
            CONFIGURATION,
            "V2__nul.sql:2: the file contains a NUL byte",
            "remove the byte"),
        refused(
            "a binary file (gzip) named V2__dump.sql",
            ws -> ws.bytes("V2__dump.sql", bytes("", 0x1f, 0x8b, 0x08, 0x00, "\n")),
            CONFIGURATION,
            "V2__dump.sql:1: the file is not valid UTF-8"),
        // Scripts the parser refuses before anything runs
        refused(
            "an unterminated string literal",
            ws ->
                ws.file("V2__quote.sql", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES ('1);\n"),
            CONFIGURATION,
            "V2__quote.sql:2: unterminated"),
        refused(
            "an unterminated quoted identifier",
            ws -> ws.file("V2__ident.sql", "\n\nCREATE TABLE \"a (id INT);\n"),
            CONFIGURATION,
            "V2__ident.sql:3: unterminated"),
        refused(
            "an unterminated block comment",
            ws -> ws.file("V2__comment.sql", "CREATE TABLE a (id INT);\n/* no end\nSELECT 1;\n"),
            CONFIGURATION,
            "V2__comment.sql:2: unterminated"),
        refused(
            "an unterminated $$ quote",
            ws ->
                ws.file(
                    "V2__dollar.sql",
                    "CREATE TABLE a (id INT);\nCREATE ALIAS f AS $$ String f() { return \"\"; }\n"),
            CONFIGURATION,
            "V2__dollar.sql:2: unterminated $$"),
        refused(
            "10,000 nested block comments, one left open",
            ws ->
                ws.file("V2__deep.sql", "/*".repeat(10_000) + "*/".repeat(9_999) + "\nSELECT 1;\n"),
            CONFIGURATION,
            "V2__deep.sql:1: unterminated"),
        refused(
            "an unknown directive (-- strata:transactions=false)",
            ws -> ws.file("V2__directive.sql", "-- strata:transactions=false\nSELECT 1;\n"),
            CONFIGURATION,
            "V2__directive.sql:1"),
        refused(
            "a huge file (10 MB, 100 MB with -D"
                + Sizes.FULL_PROPERTY
                + "=true) whose last line opens a quote",
            ws -> hugeFile(ws, HUGE_MB),
            CONFIGURATION,
            "V2__huge.sql:" + (hugeLines(HUGE_MB) + 1) + ": unterminated"),
        refused(
            "an extremely long line (16 MB) followed by an invalid byte",
            ws ->
                ws.bytes(
                    "V2__long_line.sql",
                    bytes("-- " + "x".repeat(16 << 20) + "\nSELECT '", 0xff, "';\n")),
            CONFIGURATION,
            "V2__long_line.sql:2: the file is not valid UTF-8"),
        // The folder
        refused(
            "a symbolic link loop in the folder (loop -> .)",
            ws -> Files.createSymbolicLink(ws.migrations.resolve("loop"), Path.of(".")),
            CONFIGURATION,
            "loop is a symbolic link to a directory that contains it (a loop); remove the link"),
        refused(
            "a symbolic link to a file outside the folder (V2__x.sql -> /etc/passwd)",
            ws ->
                Files.createSymbolicLink(
                    ws.migrations.resolve("V2__x.sql"), outside(ws, "passwd.sql")),
            CONFIGURATION,
            "V2__x.sql is a symbolic link to ",
            "outside the migration location",
            "Add the target's directory as a location of its own"),
        refused(
            "a symbolic link to a directory outside the folder (shared -> ../shared)",
            ws ->
                Files.createSymbolicLink(
                    ws.migrations.resolve("shared"), outside(ws, "V7__x.sql").getParent()),
            CONFIGURATION,
            "shared is a symbolic link to ",
            "outside the migration location"),
        refused(
            "a dangling symbolic link (V2__x.sql -> gone.sql)",
            ws -> Files.createSymbolicLink(ws.migrations.resolve("V2__x.sql"), Path.of("gone.sql")),
            CONFIGURATION,
            "V2__x.sql is a symbolic link to gone.sql, which does not exist"),
        refused(
            "an unreadable file (chmod 000)",
            ws -> unreadable(ws.file("V2__secret.sql", "SELECT 1;")),
            CONFIGURATION,
            "Cannot read ",
            "V2__secret.sql: permission denied; check the file's permissions"),
        refused(
            "an unreadable subfolder (chmod 000)",
            ws -> unreadable(ws.file("2025/V2__x.sql", "SELECT 1;").getParent()),
            CONFIGURATION,
            "2025 cannot be read: permission denied"),
        refused(
            "a source folder that does not exist",
            ws -> ws.source = "filesystem:" + ws.dir.resolve("no-such-folder"),
            CONFIGURATION,
            "no-such-folder does not exist",
            "check --source"),
        refused(
            "a source that is a file, not a folder",
            ws -> ws.source = "filesystem:" + ws.file("V2__x.sql", "SELECT 1;"),
            CONFIGURATION,
            "is not a directory",
            "check --source"),
        refused(
            "an unknown location prefix (s3:bucket/migrations)",
            ws -> ws.source = "s3:bucket/migrations",
            CONFIGURATION,
            "Unknown location prefix 's3:'",
            "known prefixes"),
        // drizzle-kit folders
        refused(
            "broken JSON in meta/_journal.json",
            ws -> drizzle(ws, "{\"version\": \"7\",\n \"entries\": [\n  {\"tag\": }\n ]}"),
            CONFIGURATION,
            "_journal.json:3:",
            "invalid JSON",
            "restore it from version control"),
        refused(
            "a journal nested 10,000 arrays deep",
            ws ->
                drizzle(
                    ws,
                    "{\"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + ", \"entries\": []}"),
            CONFIGURATION,
            "_journal.json: invalid JSON (Document nesting depth (1001) exceeds"),
        refused(
            "a journal entry whose tag points outside the folder (../../etc/passwd)",
            ws -> drizzle(ws, journal("../../etc/passwd")),
            CONFIGURATION,
            "_journal.json:",
            "the tag \"../../etc/passwd\" is not a file name"),
        refused(
            "a journal entry whose tag holds a NUL (\\u0000)",
            ws -> drizzle(ws, journal("0001_a\\u0000b")),
            CONFIGURATION,
            "the tag \"0001_a\\u0000b\" is not a file name"),
        refused(
            "a journal entry whose file is a symbolic link out of the folder",
            ws -> {
              drizzle(ws, journal("0001_x"));
              Files.createSymbolicLink(
                  ws.migrations.resolve("0001_x.sql"), outside(ws, "passwd.sql"));
            },
            CONFIGURATION,
            "0001_x.sql is a symbolic link to ",
            "outside the migration location"),
        refused(
            "a drizzle-kit 1.x migration folder that is a symbolic link out of the folder",
            ws -> {
              Files.delete(ws.migrations.resolve(CANARY));
              ws.file("20250101000000_canary/migration.sql", "CREATE TABLE canary (id INT);\n");
              Path elsewhere = Files.createDirectories(ws.dir.resolve("shared/20250102000000_x"));
              Files.writeString(elsewhere.resolve("migration.sql"), "CREATE TABLE x (id INT);\n");
              Files.createSymbolicLink(ws.migrations.resolve("20250102000000_x"), elsewhere);
              ws.source = "drizzle:" + ws.migrations;
            },
            CONFIGURATION,
            "20250102000000_x/migration.sql is a symbolic link to ",
            "outside the migration location"),
        refused(
            "a journal that is a symbolic link out of the folder",
            ws -> {
              drizzle(ws, journal("0000_other"));
              Path journal = ws.migrations.resolve("meta/_journal.json");
              Files.move(journal, ws.dir.resolve("journal.json"));
              Files.createSymbolicLink(journal, ws.dir.resolve("journal.json"));
            },
            CONFIGURATION,
            "_journal.json is a symbolic link to ",
            "outside the migration location"),
        refused(
            "a journal entry whose file is missing",
            ws -> drizzle(ws, journal("0001_x")),
            CONFIGURATION,
            "0001_x.sql does not exist, but entry 2 of ",
            "restore the file from version control"),
        // History
        refused(
            "an applied migration edited afterwards",
            ws -> {
              ws.file("V2__applied.sql", "CREATE TABLE applied (id INT);\n");
              assertThat(ws.strata("migrate").exitCode()).isZero();
              ws.file("V2__applied.sql", "CREATE TABLE applied (id BIGINT);\n");
              ws.file("V3__pending.sql", "CREATE TABLE pending (id INT);\n");
            },
            VALIDATION,
            "V2__applied.sql",
            "repair"),
        refused(
            "an applied migration's file deleted",
            ws -> {
              Path applied = ws.file("V2__applied.sql", "CREATE TABLE applied (id INT);\n");
              assertThat(ws.strata("migrate").exitCode()).isZero();
              Files.delete(applied);
              ws.file("V3__pending.sql", "CREATE TABLE pending (id INT);\n");
            },
            VALIDATION,
            "2",
            "applied"),
        // Connections
        refused(
            "a wrong password",
            ws -> {
              ws.user = "owner";
              ws.password = "right";
              ws.state();
            },
            List.of("migrate", "--user", "owner", "--password", "wrong"),
            DATABASE_UNREACHABLE,
            "Cannot connect to ",
            "Wrong user name or password"),
        refused(
            "a URL no bundled driver accepts (jdbc:sqlite:…)",
            ws -> {},
            List.of("migrate", "--url", "jdbc:sqlite:/tmp/x.db"),
            CONFIGURATION,
            "No JDBC driver accepts the URL jdbc:sqlite:/tmp/x.db; check --url"),
        refused(
            "a URL that is not a JDBC URL (postgres://…)",
            ws -> {},
            List.of("migrate", "--url", "postgres://db:5432/app"),
            CONFIGURATION,
            "postgres://db:5432/app"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedNamingWhatAndWhereWithoutAStackTraceAndChangesNothing(Case c) throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    ws.file(CANARY, "CREATE TABLE canary (id INT);\n");
    c.prepare().prepare(ws);
    List<String> before = ws.state();

    CliWorkspace.Result result = ws.strata(c.args().get(0), rest(c.args()));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(c.exit());
    assertThat(result.err()).as(result.toString()).startsWith("error: ");
    for (String says : c.says()) {
      assertThat(result.err()).as(result.toString()).contains(says);
    }
    assertThat(result.all())
        .as(result.toString())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("bug in strata");
    assertThat(ws.state()).isEqualTo(before);
  }

  private static String[] rest(List<String> args) {
    return args.subList(1, args.size()).toArray(String[]::new);
  }

  /** Text and raw bytes, in order: strings as UTF-8, integers as single bytes. */
  static byte[] bytes(Object... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }

  /** A file next to the migrations folder, outside it. */
  static Path outside(CliWorkspace ws, String name) throws IOException {
    Path shared = Files.createDirectories(ws.dir.resolve("shared"));
    return Files.writeString(shared.resolve(name), "CREATE TABLE stolen (id INT);\n");
  }

  /** Makes {@code path} unreadable, or skips the case where that cannot stop this user. */
  static void unreadable(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
    assumeThat(Files.isReadable(path))
        .as(
            "skipped: chmod 000 does not stop %s from reading (root ignores file permissions)",
            System.getProperty("user.name"))
        .isFalse();
  }

  /** A drizzle-kit folder whose journal is {@code json}, with the canary as entry 1. */
  static void drizzle(CliWorkspace ws, String json) throws IOException {
    Files.delete(ws.migrations.resolve(CANARY));
    ws.file("0000_canary.sql", "CREATE TABLE canary (id INT);\n");
    ws.file("meta/_journal.json", json);
    ws.source = "drizzle:" + ws.migrations;
  }

  /** A journal listing the canary, then {@code tag} (as JSON string content). */
  static String journal(String tag) {
    return "{\"version\": \"7\", \"dialect\": \"postgresql\", \"entries\": [\n"
        + "  {\"idx\": 0, \"version\": \"7\", \"when\": 1, \"tag\": \"0000_canary\","
        + " \"breakpoints\": true},\n"
        + "  {\"idx\": 1, \"version\": \"7\", \"when\": 2, \"tag\": \""
        + tag
        + "\", \"breakpoints\": true}\n"
        + "]}\n";
  }

  static final int HUGE_MB = Sizes.FULL ? 100 : 10;

  private static final byte[] HUGE_LINE =
      "INSERT INTO canary VALUES (1);\n".getBytes(StandardCharsets.US_ASCII);

  /** How many good lines {@link #hugeFile} writes before the bad one. */
  static long hugeLines(int megabytes) {
    return (((long) megabytes << 20) + HUGE_LINE.length - 1) / HUGE_LINE.length;
  }

  /** {@code megabytes} of good statements, then a quote that never closes. */
  static void hugeFile(CliWorkspace ws, int megabytes) throws IOException {
    Path file = ws.migrations.resolve("V2__huge.sql");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long i = 0; i < hugeLines(megabytes); i++) {
        out.write(HUGE_LINE);
      }
      out.write("INSERT INTO canary VALUES ('1);\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(Files.size(file)).isGreaterThanOrEqualTo((long) megabytes << 20);
  }
}
