package dev.strata.cli;

/**
 * The exit codes of the {@code strata} command, stable across releases so that scripts, init
 * containers and CI jobs can act on them. Every failure also prints one error line on stderr.
 *
 * <pre>{@code
 * java -jar strata.jar migrate --url "$URL" --source filesystem:/migrations
 * case $? in
 *   0) echo migrated ;;
 *   5) echo "another migrator holds the lock; retry later" ;;
 *   *) exit 1 ;;
 * esac
 * }</pre>
 */
public final class ExitCode {
  /** The command did what it was asked. */
  public static final int SUCCESS = 0;

  /** Something failed that no other code describes; the error line names it. */
  public static final int UNEXPECTED = 1;

  /** The command line is wrong: an unknown or missing option, a bad value, no {@code --confirm}. */
  public static final int USAGE = 2;

  /**
   * The configuration or the input is wrong: an invalid option value, an unreadable source, a
   * migration file that cannot be named or parsed.
   */
  public static final int CONFIGURATION = 3;

  /**
   * Sources and history disagree (an applied file was edited or is missing, a failed attempt), or
   * {@code validate --require-up-to-date} / {@code status --exit-code} found migrations not
   * applied, or {@code lint} found what {@code --fail-on} names, or the schema drifted from what
   * the migrations make ({@code diff}, {@code dump-schema --check}, {@code validate
   * --check-schema}).
   */
  public static final int VALIDATION = 4;

  /** Another migrator held the migration lock longer than {@code --lock-timeout}. */
  public static final int LOCK_TIMEOUT = 5;

  /**
   * A migration's statement failed; the error line says which ({@code file:line}) and the state.
   */
  public static final int MIGRATION_FAILED = 6;

  /**
   * The database cannot be reached: wrong URL, host, user or password, or a query of Strata's
   * failed.
   */
  public static final int DATABASE_UNREACHABLE = 7;

  /**
   * Stopped on request (SIGTERM, e.g. a Kubernetes pod being deleted): the running statement was
   * cancelled, the migration rolled back where the database allows and recorded, the lock released.
   * The error line says what state the interrupted migration was left in; running the command again
   * continues.
   */
  public static final int STOPPED = 8;

  private ExitCode() {}
}
