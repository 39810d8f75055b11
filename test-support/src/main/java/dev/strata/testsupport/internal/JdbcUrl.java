package dev.strata.testsupport.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC URL of the form {@code
 * jdbc:<scheme>://[user[:password]@]host[:port][,…]/[database][?k=v&…]} with its credentials taken
 * apart; immutable. {@link #toString()} masks the password.
 */
public final class JdbcUrl {
  private static final String MASK = "****";
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("((?:^|[?&;])password=)[^&;]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?]*:)[^/?]*@");

  private final String scheme;
  private final String userInfo;
  private final String hosts;
  private final String database;
  private final List<String> params;
  private final String host;
  private final int port;

  private JdbcUrl(
      String scheme, String userInfo, String hosts, String database, List<String> params) {
    this.scheme = scheme;
    this.userInfo = userInfo;
    this.hosts = hosts;
    this.database = database;
    this.params = List.copyOf(params);
    String first = hosts.split(",", -1)[0];
    int portStart =
        first.startsWith("[") ? first.indexOf(':', first.indexOf(']')) : first.indexOf(':');
    this.host = portStart < 0 ? first : first.substring(0, portStart);
    this.port = portStart < 0 ? defaultPort(scheme) : parsePort(first.substring(portStart + 1));
  }

  /**
   * Parses {@code url}.
   *
   * @throws IllegalArgumentException saying what is wrong and what form is expected
   */
  public static JdbcUrl parse(String url) {
    String trimmed = url.strip();
    int slashes = trimmed.indexOf("://");
    if (!trimmed.toLowerCase(Locale.ROOT).startsWith("jdbc:") || slashes < 0) {
      throw new IllegalArgumentException(
          "not a JDBC URL of the form jdbc:<driver>://host[:port]/database?user=…&password=…: "
              + masked(trimmed));
    }
    String scheme = trimmed.substring("jdbc:".length(), slashes).toLowerCase(Locale.ROOT);
    String rest = trimmed.substring(slashes + 3);
    int queryStart = rest.indexOf('?');
    String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
    String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
    int pathStart = beforeQuery.indexOf('/');
    String authority = pathStart < 0 ? beforeQuery : beforeQuery.substring(0, pathStart);
    String database = pathStart < 0 ? "" : beforeQuery.substring(pathStart + 1);
    int at = authority.lastIndexOf('@');
    String hosts = authority.substring(at + 1);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("JDBC URL names no host: " + masked(trimmed));
    }
    List<String> params = new ArrayList<>();
    for (String pair : query.split("&", -1)) {
      if (!pair.isEmpty()) {
        params.add(pair);
      }
    }
    try {
      // Decode everything once now, so a bad %-escape is reported here and not on first use.
      params.forEach(JdbcUrl::decode);
      decode(authority);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "JDBC URL has a malformed %-escape: " + masked(trimmed), e);
    }
    return new JdbcUrl(scheme, at < 0 ? "" : authority.substring(0, at), hosts, database, params);
  }

  /** The driver part, lower case: {@code postgresql}, {@code mysql}. */
  public String scheme() {
    return scheme;
  }

  /** The first host as written (an IPv6 address keeps its brackets). */
  public String host() {
    return host;
  }

  /** The first host's port, or the scheme's default. */
  public int port() {
    return port;
  }

  /** The database named in the path; empty when none. */
  public String database() {
    return database;
  }

  /** The {@code user} parameter, else the user before {@code @}; empty when neither. */
  public String user() {
    String fromParam = param("user");
    if (fromParam != null) {
      return fromParam;
    }
    int colon = userInfo.indexOf(':');
    return decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
  }

  /** The {@code password} parameter, else the password before {@code @}; empty when neither. */
  public String password() {
    String fromParam = param("password");
    if (fromParam != null) {
      return fromParam;
    }
    int colon = userInfo.indexOf(':');
    return colon < 0 ? "" : decode(userInfo.substring(colon + 1));
  }

  /** This URL naming {@code name} as its database; everything else kept as written. */
  public JdbcUrl withDatabase(String name) {
    return new JdbcUrl(scheme, userInfo, hosts, name, params);
  }

  /** This URL without user and password, for a caller that passes them separately. */
  public JdbcUrl withoutCredentials() {
    List<String> kept = new ArrayList<>();
    for (String pair : params) {
      String key = key(pair);
      if (!key.equals("user") && !key.equals("password")) {
        kept.add(pair);
      }
    }
    return new JdbcUrl(scheme, "", hosts, database, kept);
  }

  /** The URL as the driver needs it, password included. */
  public String raw() {
    return render(false);
  }

  /** The URL with any password replaced by {@code ****}, for messages and logs. */
  @Override
  public String toString() {
    return render(true);
  }

  /** {@code url} with any password replaced by {@code ****}, whether or not it parses. */
  public static String masked(String url) {
    return USER_INFO_PASSWORD
        .matcher(PASSWORD_PARAM.matcher(url).replaceAll("$1" + MASK))
        .replaceAll("$1" + MASK + "@");
  }

  private String render(boolean mask) {
    StringBuilder sb = new StringBuilder("jdbc:").append(scheme).append("://");
    if (!userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      sb.append(mask && colon >= 0 ? userInfo.substring(0, colon + 1) + MASK : userInfo);
      sb.append('@');
    }
    sb.append(hosts).append('/').append(database);
    for (int i = 0; i < params.size(); i++) {
      String pair = params.get(i);
      sb.append(i == 0 ? '?' : '&');
      sb.append(mask && key(pair).equals("password") ? "password=" + MASK : pair);
    }
    return sb.toString();
  }

  private @Nullable String param(String name) {
    for (String pair : params) {
      if (key(pair).equals(name)) {
        int eq = pair.indexOf('=');
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String key(String pair) {
    int eq = pair.indexOf('=');
    return decode(eq < 0 ? pair : pair.substring(0, eq));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "postgresql" -> 5432;
      case "mysql", "mariadb" -> 3306;
      default -> -1;
    };
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("JDBC URL has a port that is not a number: " + text, e);
    }
  }
}
