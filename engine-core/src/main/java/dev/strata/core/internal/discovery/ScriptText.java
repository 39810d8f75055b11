package dev.strata.core.internal.discovery;

import com.google.common.hash.Hashing;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.MigrationResource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a script as strict UTF-8 and computes its checksum. */
public final class ScriptText {
  private ScriptText() {}

  /**
   * The script's text: strict UTF-8, a byte-order mark removed.
   *
   * @throws MigrationDiscoveryException naming the file when it cannot be read or is not UTF-8
   */
  public static String read(MigrationResource resource) {
    byte[] bytes;
    try {
      bytes = resource.content().read();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot read "
              + resource.origin()
              + ": "
              + e.getMessage()
              + "; check the file's permissions",
          List.of(resource.origin()),
          e);
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
    return Hashing.sha256()
        .hashString(text.replace("\r\n", "\n"), StandardCharsets.UTF_8)
        .toString();
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
