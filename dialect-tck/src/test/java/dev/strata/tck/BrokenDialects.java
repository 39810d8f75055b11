package dev.strata.tck;

import dev.strata.api.LockTimeoutException;
import dev.strata.api.SqlStatement;
import dev.strata.dialect.h2.H2DialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** H2's dialect with one thing deliberately broken, each presented as provider {@code h2}. */
final class BrokenDialects {
  private BrokenDialects() {}

  /** Grants every lock at once: two migrators both "hold" it. */
  static DialectProvider nonExclusiveLock() {
    return h2(
        dialect ->
            new ForwardingDialect(dialect) {
              @Override
              public MigrationLock lock(Connection connection, LockRequest request) {
                return () -> {};
              }
            });
  }

  /** H2 as a third party's dialect might be: everything but a schema inspector. */
  static DialectProvider inspectsNoSchema() {
    return h2(dialect -> new ForwardingDialect(dialect) {});
  }

  /** Splits at every {@code ;}, even inside quotes and comments. */
  static DialectProvider splitsOnEverySemicolon() {
    return h2(
        dialect ->
            new ForwardingDialect(dialect) {
              @Override
              public List<SqlStatement> parse(String script) {
                List<SqlStatement> statements = new ArrayList<>();
                int line = 1;
                for (String piece : script.split(";", -1)) {
                  String sql = piece.strip();
                  if (!sql.isEmpty()) {
                    int leading = piece.indexOf(sql.charAt(0));
                    statements.add(
                        SqlStatement.of(sql, line + newlines(piece.substring(0, leading))));
                  }
                  line += newlines(piece);
                }
                return statements;
              }
            });
  }

  /** Says DDL is transactional on H2, where DDL commits at once. */
  static DialectProvider claimsTransactionalDdl() {
    return h2(
        dialect ->
            new ForwardingDialect(dialect) {
              @Override
              public boolean supportsTransactionalDdl() {
                return true;
              }
            });
  }

  /**
   * An exclusive lock kept in this JVM, not in the database: it times out and releases correctly,
   * but a holder whose connection dies keeps it forever.
   */
  static DialectProvider lockOutlivesItsConnection() {
    Map<String, Semaphore> locks = new ConcurrentHashMap<>();
    return h2(
        dialect ->
            new ForwardingDialect(dialect) {
              @Override
              public MigrationLock lock(Connection connection, LockRequest request)
                  throws SQLException {
                String key = connection.getMetaData().getURL() + " " + request.name();
                Semaphore lock = locks.computeIfAbsent(key, k -> new Semaphore(1));
                if (!lock.tryAcquire()) {
                  request.onWait().run();
                  try {
                    if (!lock.tryAcquire(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                      throw new LockTimeoutException(request.name(), request.timeout(), null);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LockTimeoutException(request.name(), Duration.ZERO, null);
                  }
                }
                return lock::release;
              }
            });
  }

  /** Claims every database there is, not just H2. */
  static DialectProvider claimsEveryDatabase() {
    DialectProvider h2 = new H2DialectProvider();
    return new DialectProvider() {
      @Override
      public String name() {
        return h2.name();
      }

      @Override
      public boolean supports(DatabaseProduct product) {
        return true;
      }

      @Override
      public Dialect create(DatabaseProduct product) {
        return h2.create(product);
      }
    };
  }

  private static DialectProvider h2(UnaryOperator<Dialect> breaking) {
    DialectProvider h2 = new H2DialectProvider();
    return new DialectProvider() {
      @Override
      public String name() {
        return h2.name();
      }

      @Override
      public boolean supports(DatabaseProduct product) {
        return h2.supports(product);
      }

      @Override
      public Dialect create(DatabaseProduct product) {
        return breaking.apply(h2.create(product));
      }
    };
  }

  private static int newlines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}
