package dev.strata.junit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's JDBC URL split around its database name, {@code jdbc:<scheme>://<hosts>/<database>?
 * <parameters>}, so that copies of a template get URLs of their own.
 *
 * @param prefix {@code jdbc:<scheme>://<hosts>/}
 * @param database the database in the URL, perhaps empty
 * @param query {@code ?<parameters>} or empty
 */
record ServerUrl(String prefix, String database, String query) {
  private static final Pattern URL =
      Pattern.compile("(jdbc:[a-z0-9]+://[^/?]*/?)([^?]*)(\\?.*)?", Pattern.CASE_INSENSITIVE);

  static ServerUrl parse(String url, String variable) {
    Matcher m = URL.matcher(url.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          variable
              + " is not a JDBC URL of the form jdbc:<driver>://host:port/database?user=...: "
              + masked(url));
    }
    String prefix = m.group(1).endsWith("/") ? m.group(1) : m.group(1) + "/";
    return new ServerUrl(prefix, m.group(2), m.group(3) == null ? "" : m.group(3));
  }

  /** The same server and parameters, database {@code name}. */
  String withDatabase(String name) {
    return prefix + name + query;
  }

  /** The URL with any password hidden, for messages. */
  static String masked(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
