package dev.strata.core.internal.adopt;

import dev.strata.api.ValidationProblem;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Prisma Migrate's {@code _prisma_migrations} ({@code id}, {@code checksum}, {@code finished_at},
 * {@code migration_name}, {@code logs}, {@code rolled_back_at}, {@code started_at}, {@code
 * applied_steps_count}): one row per attempt, named by the migration's folder ({@code
 * 20210101000000_init}), its {@code checksum} the SHA-256 hex of {@code migration.sql}. As {@code
 * prisma migrate deploy} reads it: a row neither finished nor rolled back is a failed migration,
 * and deploy refuses to go on (P3009), as this does; a rolled-back row does not count, so its
 * migration is applied again; every migration without a counting row is applied, older ones too.
 * Checksums match as Prisma matches them: with either line ending, and in the unpadded hex an early
 * version wrote.
 */
final class PrismaHistory implements ForeignHistory {
  static final String TABLE = "_prisma_migrations";
  private static final int CHECKSUM_LENGTH = 64;

  @Override
  public String tool() {
    return "prisma";
  }

  @Override
  public Adoption adopt(
      Connection c,
      Dialect dialect,
      String schema,
      List<SourceMigration> sources,
      boolean outOfOrder)
      throws SQLException {
    if (!dialect.tableExists(c, schema, TABLE)) {
      return Adoption.skippingOlder(List.of());
    }
    Map<String, SourceMigration> byName = new HashMap<>();
    for (SourceMigration s : sources) {
      names(s).forEach(name -> byName.putIfAbsent(name, s));
    }
    Refusal refusal = new Refusal(tool(), "Prisma");
    Set<SourceMigration> applied = new LinkedHashSet<>();
    String sql =
        "SELECT "
            + dialect.quote("migration_name")
            + ", "
            + dialect.quote("checksum")
            + ", "
            + dialect.quote("finished_at")
            + ", "
            + dialect.quote("rolled_back_at")
            + ", "
            + dialect.quote("started_at")
            + " FROM "
            + dialect.quote(schema)
            + "."
            + dialect.quote(TABLE)
            + " ORDER BY "
            + dialect.quote("started_at");
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String name = rs.getString(1);
        String checksum = rs.getString(2);
        boolean finished = rs.getObject(3) != null;
        boolean rolledBack = rs.getObject(4) != null;
        String row = "migration " + name + " (started at " + rs.getString(5) + ")";
        if (rolledBack) {
          continue; // deploy ignores it: the migration counts as not applied
        }
        if (!finished) {
          refusal.add(
              ValidationProblem.Kind.FAILED,
              Refusal.versionOrNull(name.replaceFirst("_.*", "")),
              "Prisma recorded "
                  + row
                  + " as failed (neither finished_at nor rolled_back_at is set);"
                  + " `prisma migrate deploy` refuses to go on too (P3009). Fix the database, then"
                  + " run `prisma migrate resolve --rolled-back "
                  + name
                  + "` (or `--applied "
                  + name
                  + "` if you completed it by hand), and adopt");
          continue;
        }
        SourceMigration match = byName.get(name);
        if (match == null) {
          refusal.noSourceNamed(
              Refusal.versionOrNull(name.replaceFirst("_.*", "")),
              row,
              "prisma/migrations, whose folders name the migrations");
        } else if (!matches(match.upScript(), checksum)
            && !matches("\uFEFF" + match.upScript(), checksum)) {
          refusal.edited(match, row, checksum, render(match.upScript()));
        } else {
          applied.add(match);
        }
      }
    }
    refusal.throwIfAny();
    List<SourceMigration> ordered = new ArrayList<>(applied);
    ordered.sort(java.util.Comparator.comparing(m -> m.id().version()));
    return Adoption.applyingMissing(ordered, sources);
  }

  /**
   * The names Prisma may know the source by: the folder holding its file ({@code
   * 20210101000000_init/migration.sql}), and its version and description joined as Prisma names a
   * folder, for a source that keeps the migrations in one folder.
   */
  private static Stream<String> names(SourceMigration s) {
    String origin = s.up().origin();
    int end = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
    String folder = null;
    if (end > 0) {
      String parent = origin.substring(0, end);
      folder = parent.substring(Math.max(parent.lastIndexOf('/'), parent.lastIndexOf('\\')) + 1);
    }
    String joined =
        s.id().version() == null
            ? null
            : s.id().version() + "_" + s.id().description().replace(' ', '_');
    return Stream.of(folder, joined).filter(java.util.Objects::nonNull);
  }

  /** Prisma's {@code script_matches_checksum}. */
  static boolean matches(String script, @Nullable String checksum) {
    if (checksum == null) {
      return false;
    }
    boolean old = !checksum.isEmpty() && checksum.length() != CHECKSUM_LENGTH;
    return Stream.of(script, script.replace("\r\n", "\n"), script.replace("\n", "\r\n"))
        .anyMatch(
            text -> {
              byte[] hash = ScriptDigest.sha256(text);
              return checksum.equals(old ? unpadded(hash) : render(hash));
            });
  }

  /** The SHA-256 hex of {@code script}, as Prisma writes it. */
  static String render(String script) {
    return ScriptDigest.sha256Hex(script);
  }

  private static String render(byte[] hash) {
    return java.util.HexFormat.of().formatHex(hash);
  }

  /** The hex an early Prisma wrote, each byte without its leading zero (prisma-engines#1887). */
  private static String unpadded(byte[] hash) {
    StringBuilder hex = new StringBuilder();
    for (byte b : hash) {
      hex.append(Integer.toHexString(b & 0xff));
    }
    return hex.toString();
  }
}
