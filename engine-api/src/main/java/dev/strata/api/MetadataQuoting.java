package dev.strata.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Quotes identifiers with the quote {@link java.sql.DatabaseMetaData#getIdentifierQuoteString()}
 * reports, for a {@link JavaMigrationContext} made without a dialect. Read on first use, so that
 * making a context never talks to the database.
 */
final class MetadataQuoting implements UnaryOperator<String> {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Connection connection;
  private volatile @Nullable String quote;

  MetadataQuoting(Connection connection) {
    this.connection = connection;
  }

  @Override
  public String apply(String identifier) {
    return quote(quote(), identifier);
  }

  /** {@code identifier} in {@code quote}s; where the database has none, only a plain name. */
  static String quote(String quote, String identifier) {
    if (quote.isEmpty()) {
      if (!PLAIN.matcher(identifier).matches()) {
        throw new IllegalArgumentException(
            identifier + " needs quoting, but the database reports no identifier quote character");
      }
      return identifier;
    }
    return quote + identifier.replace(quote, quote + quote) + quote;
  }

  private String quote() {
    String q = quote;
    if (q == null) {
      try {
        q = connection.getMetaData().getIdentifierQuoteString();
      } catch (SQLException e) {
        throw new DatabaseAccessException(
            "Cannot read the identifier quote of the connection's database: " + e.getMessage(), e);
      }
      // JDBC says a single space means the database cannot quote identifiers.
      q = q == null || q.isBlank() ? "" : q.strip();
      quote = q;
    }
    return q;
  }

  @Override
  public String toString() {
    return "the connection's identifier quote";
  }
}
