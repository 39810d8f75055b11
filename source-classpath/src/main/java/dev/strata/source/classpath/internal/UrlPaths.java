package dev.strata.source.classpath.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of paths inside URLs, and the path rules every root shares. */
final class UrlPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlPaths() {}

  /** Decodes {@code %xx} sequences as UTF-8; unlike {@code URLDecoder}, a {@code +} stays. */
  static String decode(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%'
          && i + 2 < encoded.length()
          && isHex(encoded.charAt(i + 1), encoded.charAt(i + 2))) {
        bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
        i += 2;
      } else {
        int codePoint = encoded.codePointAt(i);
        byte[] utf8 = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Encodes every character but unreserved ones and {@code /}, so {@code !/} cannot appear. */
  static String encode(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~/".indexOf(c) >= 0;
      if (unreserved) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Whether a path relative to the location has a part starting with a dot ({@code .DS_Store},
   * {@code .git/HEAD}): such files are skipped silently, as the filesystem source does.
   */
  static boolean isHidden(String relative) {
    for (String part : relative.split("/", -1)) {
      if (part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** The last part of a {@code /}-separated path. */
  static String fileName(String relative) {
    return relative.substring(relative.lastIndexOf('/') + 1);
  }

  private static boolean isHex(char a, char b) {
    return Character.digit(a, 16) >= 0 && Character.digit(b, 16) >= 0;
  }
}
