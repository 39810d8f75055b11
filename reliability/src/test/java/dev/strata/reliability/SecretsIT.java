package dev.strata.reliability;

import static dev.strata.reliability.SecretsTest.PASSWORD;
import static dev.strata.reliability.SecretsTest.assertNoSecretIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretsTest}'s distinctive password against real servers, through the command line in text
 * and JSON: inside the URL ({@code password=} parameter, percent-encoded as JDBC URLs need), with
 * {@code --password} and with {@code STRATA_PASSWORD_FILE}; right (every command, and a failing
 * migration) and wrong. The local PostgreSQL trusts its clients, so there the password is carried
 * but never checked; MariaDB checks it.
 */
class SecretsIT {
  static final String ENCODED = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

  static final List<String> COMMANDS = List.of("plan", "migrate", "status", "history", "validate");

  @TempDir Path dir;

  @Test
  void aPostgresUrlWithThePasswordIsPrintedMaskedByEveryCommand(@PostgresTest IsolatedDatabase db)
      throws Exception {
    String url = withoutPassword(db.jdbcUrl()) + "&password=" + ENCODED;
    String missing = url.replace("/" + db.name() + "?", "/" + db.name() + "_missing?");
    Path migrations = migrations();

    List<CliWorkspace.Result> results = everyCommand(url, migrations, List.of());
    results.add(CliWorkspace.run(Map.of(), "migrate", "--url", missing, "--log-format", "json"));
    results.add(CliWorkspace.run(Map.of(), "status", "--url", missing));

    assertThat(results.get(1).exitCode()).as(results.get(1).toString()).isEqualTo(6);
    assertThat(results.get(1).err()).contains("V2__broken.sql:1");
    assertThat(results.get(results.size() - 1).exitCode()).isEqualTo(7);
    assertThat(results.get(results.size() - 1).err()).contains("does not exist");
    results.forEach(r -> assertNoSecretIn(r.all()));
  }

  @Test
  void aMariaDbPasswordRightOrWrongIsPrintedNowhereOnAnyPath(@MySqlTest IsolatedDatabase db)
      throws Exception {
    String user = "strata_secret_" + Long.toString(System.nanoTime(), 36);
    Jdbc.execute(
        db,
        "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD.replace("'", "''") + "'",
        "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
    try {
      String base = withoutPassword(db.jdbcUrl()).replaceAll("([?&])user=[^&]*", "$1user=" + user);
      Path migrations = migrations();
      Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
      Path wrongFile = Files.writeString(dir.resolve("wrong"), PASSWORD + "!\n");
      List<CliWorkspace.Result> results = new ArrayList<>();

      results.addAll(everyCommand(base + "&password=" + ENCODED, migrations, List.of()));
      results.addAll(everyCommand(base, migrations, List.of("--password", PASSWORD)));
      results.addAll(everyCommand(base, migrations, List.of("--password-file", file.toString())));
      results.add(
          CliWorkspace.run(
              Map.of("STRATA_PASSWORD_FILE", file.toString()),
              "status",
              "--url",
              base,
              "--source",
              "filesystem:" + migrations));
      List<CliWorkspace.Result> wrong =
          List.of(
              CliWorkspace.run(Map.of(), "status", "--url", base + "&password=" + ENCODED + "%21"),
              CliWorkspace.run(Map.of(), "status", "--url", base, "--password", PASSWORD + "!"),
              CliWorkspace.run(
                  Map.of("STRATA_PASSWORD_FILE", wrongFile.toString()),
                  "migrate",
                  "--url",
                  base,
                  "--log-format",
                  "json"));

      assertThat(results.get(1).exitCode()).as(results.get(1).toString()).isEqualTo(6);
      assertThat(results.get(results.size() - 1).exitCode())
          .as(results.get(results.size() - 1).toString())
          .isZero();
      for (CliWorkspace.Result r : wrong) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(7);
        assertThat(r.err()).contains("Access denied");
      }
      results.addAll(wrong);
      results.forEach(r -> assertNoSecretIn(r.all()));
    } finally {
      Jdbc.execute(db, "DROP USER IF EXISTS '" + user + "'@'%'");
    }
  }

  /** Every command in text and JSON, against V1 (good) and V2 (failing). */
  private static List<CliWorkspace.Result> everyCommand(
      String url, Path migrations, List<String> more) {
    List<CliWorkspace.Result> results = new ArrayList<>();
    for (String format : List.of("text", "json")) {
      for (String command : COMMANDS) {
        List<String> args =
            new ArrayList<>(
                List.of(
                    command,
                    "--url",
                    url,
                    "--source",
                    "filesystem:" + migrations,
                    "--log-format",
                    format));
        args.addAll(more);
        results.add(CliWorkspace.run(Map.of(), args.toArray(String[]::new)));
      }
    }
    return results;
  }

  private Path migrations() throws Exception {
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(migrations.resolve("V1__people.sql"), "CREATE TABLE people (id INT);\n");
    Files.writeString(
        migrations.resolve("V2__broken.sql"), "INSERT INTO no_such_table VALUES (1);\n");
    return migrations;
  }

  private static String withoutPassword(String url) {
    return url.replaceAll("([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
  }
}
