package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.strata.api.StrataEvent;
import dev.strata.core.Strata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distinctive password never appears in anything Strata prints or throws, on every path through
 * the command line (text and {@code --log-format json}: results, progress, warnings and errors of
 * {@code migrate}, {@code status}, {@code history}, {@code plan}, {@code validate}) and through the
 * API (exception messages with their causes, every event), given with {@code --password}, with
 * {@code STRATA_PASSWORD_FILE} or wrong. H2 with a real password; PostgreSQL and MariaDB in {@link
 * SecretsIT}, where the password also travels inside the URL.
 */
class SecretsTest {
  /** Quotes, a separator, a shell substitution, a URL escape and non-ASCII letters. */
  static final String PASSWORD = "S3cr3t-Ünïcode'\";$(x)%40";

  /** Fragments a partial leak would show even if the whole password were masked. */
  static final List<String> FRAGMENTS = List.of(PASSWORD, "S3cr3t", "Ünïcode", "$(x)%40");

  @TempDir Path dir;
  CliWorkspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = new CliWorkspace(dir);
    ws.user = "owner";
    ws.password = PASSWORD;
    DriverManager.getConnection(ws.url, ws.user, ws.password).close();
    ws.file("V1__people.sql", "CREATE TABLE people (id INT);\n");
  }

  @Test
  void aWrongPasswordIsNotPrintedInTextOrJson() {
    for (String format : List.of("text", "json")) {
      CliWorkspace.Result result =
          ws.strata(
              "migrate", "--user", "owner", "--password", PASSWORD + "!", "--log-format", format);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
      assertThat(result.err()).contains("Wrong user name or password");
      assertNoSecretIn(result.all());
    }
  }

  @Test
  void everyCommandAndAFailingMigrationPrintNoPasswordGivenWithTheOption() {
    ws.file("V2__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
    List<CliWorkspace.Result> results = new ArrayList<>();
    for (String format : List.of("text", "json")) {
      for (String command : List.of("plan", "migrate", "status", "history", "validate")) {
        results.add(
            ws.strata(command, "--user", "owner", "--password", PASSWORD, "--log-format", format));
      }
    }

    assertThat(results.get(1).exitCode()).as(results.get(1).toString()).isEqualTo(6);
    assertThat(results.get(1).err()).contains("V2__broken.sql:1");
    assertThat(results.get(3).out()).contains("people");
    for (CliWorkspace.Result result : results) {
      assertNoSecretIn(result.all());
    }
  }

  @Test
  void aPasswordFileFromTheEnvironmentIsReadAndItsContentNeverPrinted() throws Exception {
    Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    ws.file("V2__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
    Map<String, String> env =
        Map.of(
            "STRATA_URL",
            ws.url,
            "STRATA_USER",
            "owner",
            "STRATA_PASSWORD_FILE",
            file.toString(),
            "STRATA_SOURCES",
            ws.source);

    CliWorkspace.Result migrate = CliWorkspace.run(env, "migrate", "--log-format", "json");
    CliWorkspace.Result status = CliWorkspace.run(env, "status");

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(6);
    assertThat(status.exitCode()).as(status.toString()).isEqualTo(0);
    assertThat(status.out()).contains("people");
    assertNoSecretIn(migrate.all() + status.all());
  }

  @Test
  void theApiPutsThePasswordInNoExceptionNorEvent() throws Exception {
    ws.file("V2__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
    List<StrataEvent> events = new CopyOnWriteArrayList<>();
    Strata right =
        Strata.configure()
            .url(ws.url)
            .user("owner")
            .password(PASSWORD)
            .sources(ws.source)
            .listener(events::add)
            .load();
    Throwable failed = catchThrowable(right::migrate);
    Strata wrong =
        Strata.configure()
            .url(ws.url)
            .user("owner")
            .password(PASSWORD + "x")
            .sources(ws.source)
            .load();
    Throwable refused = catchThrowable(wrong::migrate);

    assertThat(failed).hasMessageContaining("V2__broken.sql:1");
    assertThat(refused).hasMessageContaining("Wrong user name or password");
    assertNoSecretIn(fullText(failed) + fullText(refused) + events + right.history());
  }

  static void assertNoSecretIn(String text) {
    for (String fragment : FRAGMENTS) {
      assertThat(text).doesNotContain(fragment);
    }
  }

  static String fullText(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
