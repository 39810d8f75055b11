package dev.strata.core.internal.adopt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests other tools record of a script's UTF-8 text, as they compute them. */
final class ScriptDigest {
  private ScriptDigest() {}

  /** SHA-256 of the script (drizzle, Prisma). */
  static byte[] sha256(String script) {
    return digest("SHA-256", script);
  }

  /** SHA-256 of the script in lower-case hex (drizzle's {@code hash}, Prisma's checksum). */
  static String sha256Hex(String script) {
    return HexFormat.of().formatHex(sha256(script));
  }

  /** SHA-384 of the script (sqlx). */
  static byte[] sha384(String script) {
    return digest("SHA-384", script);
  }

  private static byte[] digest(String algorithm, String script) {
    try {
      return MessageDigest.getInstance(algorithm).digest(script.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has " + algorithm, e);
    }
  }
}
