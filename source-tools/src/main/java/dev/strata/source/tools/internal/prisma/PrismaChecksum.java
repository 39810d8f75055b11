package dev.strata.source.tools.internal.prisma;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The checksum Prisma records in {@code _prisma_migrations.checksum}, as the schema engine's {@code
 * checksum.rs} computes and compares it: SHA-256 of {@code migration.sql}'s text as lower-case hex.
 * For adopting a database Prisma migrated.
 */
public final class PrismaChecksum {
  private PrismaChecksum() {}

  /** {@code render_checksum}: 64 lower-case hex digits. */
  public static String of(byte[] script) {
    return hex(sha256(script), true);
  }

  /**
   * {@code script_matches_checksum}: whether {@code recorded} is the checksum of the script, of the
   * script with CRLF turned into LF, or with LF turned into CRLF (git may have changed line endings
   * since), each also in the unpadded form old schema engines recorded (prisma-engines#1887).
   */
  public static boolean matches(byte[] script, String recorded) {
    String text = new String(script, StandardCharsets.UTF_8);
    for (String variant :
        new String[] {null, text.replace("\r\n", "\n"), text.replace("\n", "\r\n")}) {
      byte[] digest = sha256(variant == null ? script : variant.getBytes(StandardCharsets.UTF_8));
      boolean padded = recorded.isEmpty() || recorded.length() == 64;
      if (hex(digest, padded).equals(recorded)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Rust's {@code {byte:02x}} per byte, or the old {@code {byte:x}} that dropped a leading 0. */
  private static String hex(byte[] digest, boolean padded) {
    StringBuilder out = new StringBuilder(64);
    for (byte b : digest) {
      String digits = Integer.toHexString(b & 0xff);
      if (padded && digits.length() == 1) {
        out.append('0');
      }
      out.append(digits);
    }
    return out.toString();
  }
}
