package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts the symbolic-link policy must keep working (links whose target is inside the location
 * are followed): a Kubernetes ConfigMap or Secret volume, updated in place by kubelet; a location
 * that is itself a link; a link between files of the location. Links out of a location are refused;
 * those cases are rows of {@link BadInputTest}.
 */
class PathPolicyTest {
  @TempDir Path dir;

  @Test
  void appliesAMountedConfigMapAndItsUpdateWhoseFilesAreLinksIntoDotDotData() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    // kubelet's atomic writer: <mount>/V1__a.sql -> ..data/V1__a.sql, ..data -> ..<timestamp>
    Path first = Files.createDirectories(ws.migrations.resolve("..2025_01_01_10_00_00.1"));
    Files.writeString(first.resolve("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    Files.createSymbolicLink(ws.migrations.resolve("..data"), first.getFileName());
    Files.createSymbolicLink(ws.migrations.resolve("V1__a.sql"), Path.of("..data/V1__a.sql"));

    CliWorkspace.Result initial = ws.strata("migrate");

    // The update: a new timestamped copy, ..data swapped by rename, a link for the new key.
    Path second = Files.createDirectories(ws.migrations.resolve("..2025_01_02_10_00_00.2"));
    Files.copy(first.resolve("V1__a.sql"), second.resolve("V1__a.sql"));
    Files.writeString(second.resolve("V2__b.sql"), "CREATE TABLE b (id INT);\n");
    Path swap = Files.createSymbolicLink(ws.migrations.resolve("..data_tmp"), second.getFileName());
    Files.move(swap, ws.migrations.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    Files.createSymbolicLink(ws.migrations.resolve("V2__b.sql"), Path.of("..data/V2__b.sql"));
    CliWorkspace.Result update = ws.strata("migrate");

    assertThat(initial.exitCode()).as(initial.toString()).isZero();
    assertThat(update.exitCode()).as(update.toString()).isZero();
    assertThat(update.out()).contains("applied 1 migration");
    assertThat(ws.state()).contains("table PUBLIC.A", "table PUBLIC.B");
    assertThat(ws.strata("validate").exitCode()).isZero();
  }

  @Test
  void aLocationThatIsALinkAndLinksBetweenItsOwnFilesAreFollowed() throws Exception {
    CliWorkspace ws = new CliWorkspace(dir);
    Files.writeString(
        Files.createDirectories(ws.migrations.resolve("shared")).resolve("create_a.sql"),
        "CREATE TABLE a (id INT);\n");
    Files.createSymbolicLink(ws.migrations.resolve("V1__a.sql"), Path.of("shared/create_a.sql"));
    Path link = Files.createSymbolicLink(dir.resolve("current"), ws.migrations);
    ws.source = "filesystem:" + link;

    CliWorkspace.Result result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(ws.state()).contains("table PUBLIC.A");
  }
}
