package dev.strata.backfill.internal;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns the table and key names an author gives into SQL, with the identifier quoting of the
 * connected database's dialect ({@link dev.strata.api.JavaMigrationContext#quote}: {@code "} on
 * PostgreSQL and H2, {@code `} on MySQL and MariaDB).
 *
 * <p>A plain name ({@code person}, {@code app.person}) is used as written, unquoted, so that it
 * resolves exactly as the same name does in the author's own {@code set} and {@code where} SQL
 * (upper-cased by H2, lower-cased by PostgreSQL). A name already in the database's quotes is used
 * as written too. Any other name is quoted, embedded quotes doubled, so no name can inject SQL.
 */
public final class SqlNames {
  private static final String PART = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern PLAIN = Pattern.compile(PART);
  private static final Pattern QUALIFIED = Pattern.compile(PART + "(\\." + PART + ")?");

  private final UnaryOperator<String> quoting;

  /** Names quoted by {@code quoting}, the dialect's {@code quote}. */
  public SqlNames(UnaryOperator<String> quoting) {
    this.quoting = quoting;
  }

  /** Checks a name when it is given, before any connection is at hand. */
  public static String check(String name, String what) {
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
  public String table(String name) {
    return QUALIFIED.matcher(name).matches() ? name : identifier(name);
  }

  /** A column name: plain, already quoted, or quoted here. */
  public String column(String name) {
    return PLAIN.matcher(name).matches() ? name : identifier(name);
  }

  /** {@code name}, always quoted (for Strata's own table and the migration schema). */
  public String quoted(String name) {
    return quoting.apply(name);
  }

  private String identifier(String name) {
    return isQuoted(name) ? name : quoted(name);
  }

  /**
   * Whether {@code name} is one identifier in this database's quotes: what the dialect makes of the
   * name inside them, its closing quotes undoubled. Asked of the dialect, so that any quote
   * characters work ({@code "…"}, {@code `…`}, {@code […]}).
   */
  private boolean isQuoted(String name) {
    if (name.length() < 3) {
      return false;
    }
    String close = name.substring(name.length() - 1);
    String inner = name.substring(1, name.length() - 1).replace(close + close, close);
    return !inner.isEmpty() && quoted(inner).equals(name);
  }
}
