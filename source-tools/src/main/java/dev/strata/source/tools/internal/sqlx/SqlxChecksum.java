package dev.strata.source.tools.internal.sqlx;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum sqlx records in {@code _sqlx_migrations.checksum}: SHA-384 of the file's text as
 * read ({@code sqlx-core/src/migrate/migration.rs}, {@code Sha384::digest(sql)}), byte for byte,
 * byte-order mark and line endings included. For adopting a database sqlx migrated; sqlx's optional
 * {@code ResolveConfig::ignore_chars} is not supported.
 */
public final class SqlxChecksum {
  private SqlxChecksum() {}

  /** The 48-byte digest, as sqlx stores it ({@code BYTEA} / {@code BLOB}). */
  public static byte[] of(byte[] script) {
    try {
      return MessageDigest.getInstance("SHA-384").digest(script);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-384", e);
    }
  }

  /** {@link #of} as lower-case hex, as {@code encode(checksum, 'hex')} shows it. */
  public static String hex(byte[] script) {
    return HexFormat.of().formatHex(of(script));
  }
}
