package dev.strata.dialect.mysql;

import dev.strata.testsupport.IsolatedDatabase;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A database's schema as the corpus references were made ({@code mariadb-dump --no-data
 * --skip-dump-date --routines --triggers}), normalised as the corpus README says: Strata's own
 * {@code strata_*} tables left out, the {@code -- Dumped}, {@code -- Host} and {@code -- Server
 * version} header lines and {@code AUTO_INCREMENT=N} counters dropped, and the database name
 * replaced by {@code <db>}. Two more differences come from who ran the references, not from what
 * they created, and are normalised too: the {@code DEFINER} of routines, triggers and views (the
 * references' user was {@code bench@127.0.0.1}) and the connection character set recorded with each
 * routine, trigger and view ({@code utf8mb3} from the mariadb client, {@code utf8mb4} from
 * Connector/J).
 */
final class SchemaDump {
  private static final Pattern DEFINER = Pattern.compile("DEFINER=`[^`]*`@`[^`]*`");
  private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
  private static final Pattern SESSION_CHARSET =
      Pattern.compile(
          "^(/\\*!\\d+ SET (?:character_set_client|character_set_results|collation_connection)"
              + "\\s*=\\s*)(?!@)[a-z0-9_]+(\\s*\\*/\\s*;)$");
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*(?![!M+])[\\s\\S]*?\\*/");
  private static final Pattern HASH_COMMENT = Pattern.compile("#[^'\"`\n]*$", Pattern.MULTILINE);

  private SchemaDump() {}

  /** The normalised dump of {@code database} on the server of {@code db}. */
  static String of(IsolatedDatabase db, String database) throws IOException, InterruptedException {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    List<String> command = new ArrayList<>();
    command.add(dumpTool());
    command.add("--host=" + uri.getHost());
    command.add("--port=" + (uri.getPort() < 0 ? 3306 : uri.getPort()));
    if (!db.user().isEmpty()) {
      command.add("--user=" + db.user());
    }
    command.addAll(
        List.of(
            "--no-data",
            "--skip-dump-date",
            "--routines",
            "--triggers",
            "--ignore-table=" + database + ".strata_schema_history",
            database));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    if (!db.password().isEmpty()) {
      builder.environment().put("MYSQL_PWD", db.password());
    }
    Path err = Files.createTempFile("strata-dump", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + Files.readString(err));
    }
    Files.delete(err);
    return normalise(out, database);
  }

  /**
   * {@code dump} without the {@code #} and {@code /* *}{@code /} comments that routine bodies keep:
   * the mariadb client strips comments from what it sends (unless run with {@code --comments}),
   * Strata sends statements as written. Executable comments and hints stay.
   */
  static String withoutComments(String dump) {
    return HASH_COMMENT.matcher(BLOCK_COMMENT.matcher(dump).replaceAll("")).replaceAll("");
  }

  /** {@code dump} normalised; {@code database} is the name it was made in. */
  static String normalise(String dump, String database) {
    return dump.lines()
        .filter(line -> !line.startsWith("-- Dumped"))
        .filter(line -> !line.startsWith("-- Host"))
        .filter(line -> !line.startsWith("-- Server version"))
        .map(line -> AUTO_INCREMENT.matcher(line).replaceAll(""))
        .map(line -> DEFINER.matcher(line).replaceAll("DEFINER=<definer>"))
        .map(
            line -> {
              Matcher m = SESSION_CHARSET.matcher(line);
              return m.matches() ? m.group(1) + "<charset>" + m.group(2) : line;
            })
        .map(
            line ->
                line.replace("`" + database + "`", "`<db>`")
                    .replace("'" + database + "'", "'<db>'"))
        .collect(Collectors.joining("\n"));
  }

  private static String dumpTool() {
    for (String tool : List.of("mariadb-dump", "mysqldump")) {
      for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(path, tool))) {
          return tool;
        }
      }
    }
    return Assumptions.abort("Neither mariadb-dump nor mysqldump is on the PATH");
  }
}
