package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationInfo;
import dev.strata.core.Strata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code baseline --from} through a tool's own source: the steps every adoption test takes once the
 * tool's table holds what the tool wrote.
 */
final class Adopting {
  private Adopting() {}

  static Strata strata(DataSource dataSource, String... locations) {
    return Strata.configure().dataSource(dataSource).sources(locations).load();
  }

  /** Runs one statement with parameters, as the tool runs its own inserts. */
  static void sql(DataSource dataSource, String statement, Object... params) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.execute();
    }
  }

  /** The digest of the file's bytes on disk, as the tool computed it when it applied the file. */
  static byte[] digest(String algorithm, Path file) throws Exception {
    return MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static List<String> versions(List<MigrationId> ids) {
    return ids.stream().map(id -> id.version().toString()).toList();
  }

  /** {@code <rank> <action> <version> <checksum or "-">}, oldest first. */
  static List<String> history(Strata strata) {
    return strata.history().stream().map(Adopting::describe).toList();
  }

  private static String describe(HistoryEntry e) {
    return e.rank()
        + " "
        + e.action()
        + " "
        + e.id().version()
        + (e.checksum() == null ? " -" : " checksum");
  }

  /**
   * Adopts {@code tool}'s history, expecting {@code adopted} recorded as baselined with their
   * checksums, then migrates twice: the first run applies exactly {@code next}, the second nothing,
   * and the checksums the adoption recorded are the ones the source gives.
   */
  static void adoptsThenAppliesOnly(
      Strata strata, String tool, List<String> adopted, List<String> next) {
    assertThat(versions(strata.baselineFrom(tool).adopted())).isEqualTo(adopted);
    List<String> rows = history(strata);
    assertThat(rows).hasSize(adopted.size());
    for (int i = 0; i < adopted.size(); i++) {
      assertThat(rows.get(i)).isEqualTo((i + 1) + " BASELINE " + adopted.get(i) + " checksum");
    }

    assertThat(strata.migrate().applied())
        .extracting(m -> m.id().version().toString())
        .isEqualTo(next);
    assertThat(strata.migrate().applied()).isEmpty();
    assertThat(strata.validate(true).problems()).isEmpty();
    assertThat(strata.status().migrations())
        .extracting(MigrationInfo::state)
        .extracting(Enum::name)
        .containsOnly("BASELINED", "APPLIED");
  }
}
