package dev.strata.core.internal.discovery;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.MigrationResource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a script as strict UTF-8 and computes its checksum. UTF-16 (with or without a byte-order
 * mark) and NUL bytes are refused with the file and line named.
 */
public final class ScriptText {
  private ScriptText() {}

  /** A script's text and its {@link #checksum}. */
  public record Checked(String text, String checksum) {}

  /**
   * The script's text, as {@link #read}, and its checksum, taken from the bytes as read when they
   * are the text's UTF-8 form already (no byte-order mark, no CR): the text is not encoded again.
   *
   * @param sha256 from {@link #sha256()}; a scan of many scripts reuses one
   * @throws MigrationDiscoveryException naming the file when it cannot be read or is not UTF-8
   */
  static Checked readChecked(MigrationResource resource, MessageDigest sha256) {
    byte[] bytes = bytes(resource);
    String text = text(resource, bytes);
    // The text came from valid UTF-8, so encoding it again gives back exactly these bytes, unless
    // a byte-order mark (EF BB BF) was dropped or CRs need normalising.
    boolean sameBytes = bytes.length == 0 || bytes[0] != (byte) 0xef;
    return new Checked(
        text, hex(sha256.digest(sameBytes && text.indexOf('\r') < 0 ? bytes : normalized(text))));
  }

  /**
   * The script's text: strict UTF-8, a byte-order mark removed.
   *
   * @throws MigrationDiscoveryException naming the file when it cannot be read or is not UTF-8
   */
  public static String read(MigrationResource resource) {
    return text(resource, bytes(resource));
  }

  private static byte[] bytes(MigrationResource resource) {
    try {
      return resource.content().read();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot read "
              + resource.origin()
              + ": "
              + describe(e)
              + "; check the file's permissions",
          List.of(resource.origin()),
          e);
    }
  }

  private static String text(MigrationResource resource, byte[] bytes) {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xff && bytes[1] == (byte) 0xfe)
            || (bytes[0] == (byte) 0xfe && bytes[1] == (byte) 0xff))) {
      throw new MigrationDiscoveryException(
          resource.origin()
              + ":1: the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8;"
              + " convert it (e.g. iconv -f utf-16 -t utf-8) and run again",
          List.of(resource.origin()));
    }
    String text = decode(resource, bytes);
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      // No SQL script holds a raw NUL; a file full of them is UTF-16 without a byte-order mark.
      throw new MigrationDiscoveryException(
          resource.origin()
              + ":"
              + lineOf(text, nul)
              + ": the file contains a NUL byte, which no SQL script holds; if it is UTF-16"
              + " (as Windows PowerShell writes), convert it (e.g. iconv -f utf-16le -t utf-8),"
              + " else remove the byte",
          List.of(resource.origin()));
    }
    return text;
  }

  private static String decode(MigrationResource resource, byte[] bytes) {
    // The lenient decoder is the JDK's fast path (one copy); it turns bad bytes into U+FFFD, so
    // only a text holding U+FFFD is decoded again strictly, to tell a real one from bad bytes.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient.startsWith("\uFEFF") ? lenient.substring(1) : lenient;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new MigrationDiscoveryException(
          resource.origin()
              + ":"
              + firstBadLine(bytes)
              + ": the file is not valid UTF-8; convert it (e.g. iconv -f latin1 -t utf-8) and"
              + " run again",
          List.of(resource.origin()),
          e);
    }
  }

  /** SHA-256 of the text with line endings normalised, so a checkout's CRLF changes nothing. */
  public static String checksum(String text) {
    return hex(sha256().digest(normalized(text)));
  }

  private static byte[] normalized(String text) {
    return (text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n"))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A new SHA-256 digest; {@link MessageDigest#digest(byte[])} resets it for the next script. */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof NoSuchFileException) {
      return "the file no longer exists";
    }
    return e.getMessage();
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int firstBadLine(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        try {
          decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return line;
  }
}
