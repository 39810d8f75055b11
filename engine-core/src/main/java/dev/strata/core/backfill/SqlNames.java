package dev.strata.core.backfill;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Turns the table and key names an author gives into SQL, with the identifier quote of the
 * connected database ({@code "} on PostgreSQL and H2, {@code `} on MySQL and MariaDB, as {@link
 * DatabaseMetaData#getIdentifierQuoteString()} reports it).
 *
 * <p>A plain name ({@code person}, {@code app.person}) is used as written, unquoted, so that it
 * resolves exactly as the same name does in the author's own {@code set} and {@code where} SQL
 * (upper-cased by H2, lower-cased by PostgreSQL). A name already in the database's quotes is used
 * as written too. Any other name is quoted, embedded quotes doubled, so no name can inject SQL.
 */
final class SqlNames {
  private static final String PART = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern PLAIN = Pattern.compile(PART);
  private static final Pattern QUALIFIED = Pattern.compile(PART + "(\\." + PART + ")?");

  private final String quote;

  SqlNames(String quote) {
    this.quote = quote;
  }

  static SqlNames of(DatabaseMetaData metaData) throws SQLException {
    String quote = metaData.getIdentifierQuoteString();
    // JDBC says a single space means the database cannot quote identifiers.
    return new SqlNames(quote == null || quote.isBlank() ? "" : quote.strip());
  }

  /** Checks a name when it is given, before any connection is at hand. */
  static String check(String name, String what) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("the " + what + " name is empty");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " name "
              + name.replaceAll("\\p{Cntrl}", "?")
              + " holds a control character");
    }
    return name;
  }

  /** A table name: plain and optionally schema-qualified, already quoted, or quoted here. */
  String table(String name) {
    return QUALIFIED.matcher(name).matches() ? name : identifier(name);
  }

  /** A column name: plain, already quoted, or quoted here. */
  String column(String name) {
    return PLAIN.matcher(name).matches() ? name : identifier(name);
  }

  /** {@code name}, always quoted (for Strata's own table and the migration schema). */
  String quoted(String name) {
    if (quote.isEmpty()) {
      if (!PLAIN.matcher(name).matches()) {
        throw new IllegalArgumentException(
            name + " needs quoting, but the database reports no identifier quote character");
      }
      return name;
    }
    return quote + name.replace(quote, quote + quote) + quote;
  }

  private String identifier(String name) {
    return isQuoted(name) ? name : quoted(name);
  }

  /** Whether {@code name} is one identifier in this database's quotes, inner quotes doubled. */
  private boolean isQuoted(String name) {
    if (quote.isEmpty()
        || name.length() < 2 * quote.length() + 1
        || !name.startsWith(quote)
        || !name.endsWith(quote)) {
      return false;
    }
    String inner = name.substring(quote.length(), name.length() - quote.length());
    return inner.replace(quote + quote, "").indexOf(quote) < 0;
  }
}
