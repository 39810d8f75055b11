package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DownRequest;
import dev.strata.api.JavaMigration;
import dev.strata.api.JavaMigrationContext;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.ValidationProblem;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaMigrationOnH2IT {
  /** Upper-cases every name; reversible. */
  public static final class V2__Shout_names implements JavaMigration {
    @Override
    public void up(JavaMigrationContext context) throws Exception {
      try (Statement s = context.connection().createStatement()) {
        s.executeUpdate("UPDATE person SET name = UPPER(name)");
      }
    }

    @Override
    public boolean reversible() {
      return true;
    }

    @Override
    public void down(JavaMigrationContext context) throws Exception {
      try (Statement s = context.connection().createStatement()) {
        s.executeUpdate("UPDATE person SET name = LOWER(name)");
      }
    }
  }

  /** Inserts a row, then fails: the insert must roll back. */
  public static final class V2__Half_done implements JavaMigration {
    @Override
    public void up(JavaMigrationContext context) throws Exception {
      try (Statement s = context.connection().createStatement()) {
        s.executeUpdate("INSERT INTO person VALUES (2, 'bob')");
      }
      throw new IllegalStateException("the backfill found a row it cannot handle");
    }
  }

  /** Has no version in its name. */
  public static final class BackfillEmails implements JavaMigration {
    @Override
    public void up(JavaMigrationContext context) {}
  }

  /** Versioned by its methods, with a checksum its author maintains. */
  public static final class Checked implements JavaMigration {
    private final String checksum;

    Checked(String checksum) {
      this.checksum = checksum;
    }

    @Override
    public void up(JavaMigrationContext context) {}

    @Override
    public String version() {
      return "3";
    }

    @Override
    public String description() {
      return "checked";
    }

    @Override
    public @Nullable String checksum() {
      return checksum;
    }
  }

  /** Fails outside a transaction; resumable or not. */
  static final class V2__Outside implements JavaMigration {
    private final boolean resumable;

    V2__Outside(boolean resumable) {
      this.resumable = resumable;
    }

    @Override
    public void up(JavaMigrationContext context) {
      throw new IllegalStateException("stopped half way");
    }

    @Override
    public boolean transactional() {
      return false;
    }

    @Override
    public boolean resumable() {
      return resumable;
    }
  }

  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file(
        "V1__person.sql",
        "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n"
            + "INSERT INTO person VALUES (1, 'ada');\n");
  }

  @Test
  void appliesAJavaMigrationInVersionOrderBetweenScripts() throws Exception {
    db.file("V3__after.sql", "UPDATE person SET name = name || '!';\n");

    var result = db.configure().javaMigrations(new V2__Shout_names()).load().migrate();

    assertThat(result.summary()).contains("(V1, V2, V3)");
    assertThat(db.column("SELECT name FROM person")).containsExactly("ADA!");
    assertThat(db.history())
        .containsExactly("1 APPLY 1 TRUE 2", "2 APPLY 2 TRUE 1", "3 APPLY 3 TRUE 1");
  }

  @Test
  void revertsAReversibleJavaMigration() throws Exception {
    Strata strata = db.configure().javaMigrations(new V2__Shout_names()).load();
    strata.migrate();

    strata.down(DownRequest.steps(1));

    assertThat(db.column("SELECT name FROM person")).containsExactly("ada");
  }

  @Test
  void rollsBackAFailedJavaMigrationSoItStaysPending() throws Exception {
    Strata strata = db.configure().javaMigrations(new V2__Half_done()).load();

    assertThatThrownBy(strata::migrate)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V2 Half done")
        .hasMessageContaining("the backfill found a row it cannot handle")
        .hasMessageContaining("rolled back");
    assertThat(db.column("SELECT COUNT(*) FROM person")).containsExactly("1");
    assertThat(strata.status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
  }

  @Test
  void rejectsAJavaMigrationWithoutAUsableVersion() {
    assertThatThrownBy(() -> db.configure().javaMigrations(new BackfillEmails()).load().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining(BackfillEmails.class.getName())
        .hasMessageContaining("V3__Backfill_emails");
  }

  @Test
  void rejectsAJavaMigrationWhoseVersionAScriptHasToo() throws Exception {
    db.file("V2__script.sql", "SELECT 1;\n");

    assertThatThrownBy(() -> db.configure().javaMigrations(new V2__Shout_names()).load().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining("V2__script.sql")
        .hasMessageContaining(V2__Shout_names.class.getName());
  }

  @Test
  void reportsAnEditWhenTheAuthorsChecksumChanges() throws Exception {
    db.configure().javaMigrations(new Checked("a1")).load().migrate();

    var problems =
        db.configure().javaMigrations(new Checked("b2")).load().validate(false).problems();

    assertThat(problems)
        .extracting(ValidationProblem::kind)
        .containsExactly(ValidationProblem.Kind.EDITED);
  }

  @Test
  void findsJavaMigrationsListedForServiceLoader() throws Exception {
    Path services = Files.createDirectories(dir.resolve("cp/META-INF/services"));
    Files.writeString(
        services.resolve(JavaMigration.class.getName()), V2__Shout_names.class.getName() + "\n");
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("cp").toUri().toURL()}, getClass().getClassLoader())) {
      db.configure().classLoader(loader).load().migrate();
    }

    assertThat(db.column("SELECT name FROM person")).containsExactly("ADA");
  }

  @Test
  void aNonTransactionalFailureNeedsRepairUnlessTheMigrationResumesByItself() {
    Strata plain = db.configure().javaMigrations(new V2__Outside(false)).load();
    assertThatThrownBy(plain::migrate).hasMessageContaining("`repair`");
    assertThat(plain.status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.FAILED);
    plain.repair();

    Strata resumable = db.configure().javaMigrations(new V2__Outside(true)).load();
    assertThatThrownBy(resumable::migrate).hasMessageContaining("run the command again");
    assertThat(resumable.status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
  }
}
