package dev.strata.benchmarks;

/**
 * What another process needs to connect to a {@link BenchDatabase}: its kind, JDBC URL, user and
 * password. {@link #toString()} leaves the password out.
 *
 * @param kind the database family, which picks the engines' dialect and the floor's lock
 * @param url the JDBC URL; it may carry the credentials too (test-support's URLs do)
 * @param user the user to connect as; empty for none
 * @param password the user's password; empty for none
 */
public record JdbcTarget(BenchDatabase.Kind kind, String url, String user, String password) {
  /** The kind and the URL, any password in it masked. */
  @Override
  public String toString() {
    return kind
        + " at "
        + url.replaceAll("(?i)(password=)[^&;]*", "$1****")
            .replaceAll("(//[^/@:?]*:)[^/?]*@", "$1****@");
  }
}
