package dev.strata.benchmarks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One migration tool under test, driven the way a service booting drives it: every {@link #migrate}
 * creates the tool's object afresh, connects, and applies what is pending.
 */
public interface MigrationEngine {
  /** Returned by {@link #migrate} when the tool does not say how many migrations it applied. */
  int UNKNOWN = -1;

  /** Every engine, by its benchmark parameter name. */
  List<String> NAMES = List.of("strata", "flyway", "liquibase", "historyFloor", "rawFloor");

  /** The parameter name, e.g. {@code strata}. */
  String name();

  /**
   * Creates the tool's object, connects to {@code db} and applies the pending migrations of {@code
   * set}.
   *
   * @return how many migrations this call applied, or {@link #UNKNOWN}
   */
  int migrate(BenchDatabase db, MigrationSet set) throws Exception;

  /**
   * A query returning two numbers, the rows recording a successful application of a migration and
   * their distinct versions; {@code null} when the engine keeps no history.
   */
  @Nullable String historyCountQuery(BenchDatabase db);

  /** Whether it records what it applied, and so can start with nothing to do. */
  default boolean keepsHistory() {
    return true;
  }

  /** The engine for a benchmark parameter. */
  static MigrationEngine named(String name) {
    return switch (name) {
      case "strata" -> new StrataEngine();
      case "flyway" -> new FlywayEngine();
      case "liquibase" -> new LiquibaseEngine();
      case "historyFloor" -> new HistoryFloor();
      case "rawFloor" -> new RawFloor();
      default ->
          throw new IllegalArgumentException("Unknown engine '" + name + "'; known: " + NAMES);
    };
  }
}
