package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code target/strata.jar}, built in the package phase, as a separate process. */
class ShadedJarIT {
  static final Path JAR = Path.of(System.getProperty("strata.jar", "target/strata.jar"));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;
  Path migrations;
  String url;

  @BeforeEach
  void setUp() throws IOException {
    assertThat(JAR).as("run `mvn verify`: the jar is built in the package phase").exists();
    migrations = Files.createDirectories(dir.resolve("m"));
    Files.writeString(
        migrations.resolve("V1__create_person.sql"), "CREATE TABLE person (id INT PRIMARY KEY);\n");
    Files.writeString(
        migrations.resolve("V2__add_name.sql"),
        "ALTER TABLE person ADD COLUMN name VARCHAR(100);\n");
    url = "jdbc:h2:file:" + dir.resolve("db");
  }

  @Test
  void theRunnableJarMigratesAndItsBundledH2ShellReadsTheHistory() throws Exception {
    Run migrate =
        java(
            "-jar",
            JAR.toString(),
            "migrate",
            "--url",
            url,
            "--source",
            "filesystem:" + migrations);

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(0);
    assertThat(migrate.out().strip()).matches("applied 2 migrations \\(V1, V2\\) in \\d+ ms");
    assertThat(migrate.err()).contains("Applying V1 create person").doesNotContain("SLF4J");

    Run shell =
        java(
            "-cp",
            JAR.toString(),
            "org.h2.tools.Shell",
            "-url",
            url,
            "-sql",
            "select count(*) from \"PUBLIC\".\"strata_schema_history\"");

    assertThat(shell.exitCode()).as(shell.toString()).isEqualTo(0);
    // Row 0 records the table's creation, then one row per migration.
    assertThat(shell.out()).contains("3");
  }

  /** MariaDB users write {@code jdbc:mariadb:} URLs; the jar serves them with MariaDB's driver. */
  @Test
  @MySqlTest
  void theRunnableJarMigratesAMariaDbDatabaseGivenAJdbcMariadbUrl(IsolatedDatabase db)
      throws Exception {
    Run migrate =
        java(
            "-jar",
            JAR.toString(),
            "migrate",
            "--url",
            db.jdbcUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"),
            "--user",
            db.user(),
            "--password",
            db.password(),
            "--source",
            "filesystem:" + migrations);

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(0);
    assertThat(migrate.out().strip()).matches("applied 2 migrations \\(V1, V2\\) in \\d+ ms");
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 'person'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void theRunnableJarReportsFailuresThroughItsExitCodeAsJson() throws Exception {
    Run result =
        java(
            "-jar",
            JAR.toString(),
            "migrate",
            "--url",
            url,
            "--source",
            "nope:x",
            "--log-format",
            "json");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines()).allSatisfy(JsonObjects::parse);
  }

  @Test
  void theJarDeclaresItsMainClassAndModuleNameAndMergesEveryServiceFile() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Main-Class")).isEqualTo("dev.strata.cli.Main");
      assertThat(manifest.getValue("Automatic-Module-Name")).isEqualTo("dev.strata.cli");
      assertThat(read(jar, "META-INF/services/java.sql.Driver"))
          .contains(
              "org.h2.Driver",
              "org.postgresql.Driver",
              "com.mysql.cj.jdbc.Driver",
              "org.mariadb.jdbc.Driver");
      assertThat(read(jar, "META-INF/services/dev.strata.spi.DialectProvider"))
          .contains("dev.strata.dialect.h2.H2DialectProvider");
      assertThat(read(jar, "META-INF/services/dev.strata.spi.MigrationSourceProvider"))
          .contains(
              "dev.strata.core.internal.source.FilesystemSourceProvider",
              "dev.strata.source.classpath.ClasspathSourceProvider",
              "dev.strata.source.drizzle.DrizzleSourceProvider",
              "dev.strata.source.tools.GooseSourceProvider",
              "dev.strata.source.tools.GooseLiamstaskSourceProvider",
              "dev.strata.source.tools.DbmateSourceProvider",
              "dev.strata.source.tools.SqlxSourceProvider",
              "dev.strata.source.tools.DieselSourceProvider",
              "dev.strata.source.tools.PrismaSourceProvider");
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
          .contains("org/h2/tools/Shell.class", "org/postgresql/Driver.class");
    }
  }

  private static String read(JarFile jar, String entry) throws IOException {
    assertThat(jar.getEntry(entry)).as(entry).isNotNull();
    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run java(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
