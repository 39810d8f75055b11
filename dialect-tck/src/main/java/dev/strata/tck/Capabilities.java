package dev.strata.tck;

/**
 * What a dialect claims beyond the {@link dev.strata.spi.Dialect} contract. The suite holds the
 * dialect to each claim both ways: a claimed capability must work, and checks that only make sense
 * for a capability are skipped (with the reason) when it is not claimed.
 *
 * <pre>{@code
 * Capabilities.basic().withTransactionalDdl(true).withAdvisoryLocks(true)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param transactionalDdl DDL takes part in transactions, so a failed migration leaves nothing
 *     behind ({@link dev.strata.spi.Dialect#supportsTransactionalDdl()} must say the same)
 * @param advisoryLocks the migration lock needs no table: it can be taken before the history table
 *     exists (PostgreSQL's advisory locks, MySQL's {@code GET_LOCK}); {@code false} for a lock on a
 *     row of the history table ({@link dev.strata.spi.support.RowLock})
 * @param namesLockHolder a lock timeout names who holds the lock (in {@link
 *     dev.strata.api.LockTimeoutException}'s message)
 * @param releasesLockWhenConnectionDies the database releases the lock when the holding connection
 *     dies; {@code false} only for a lease that expires instead
 */
public record Capabilities(
    boolean transactionalDdl,
    boolean advisoryLocks,
    boolean namesLockHolder,
    boolean releasesLockWhenConnectionDies) {

  /**
   * Nothing beyond the contract: no transactional DDL, a lock kept in the history table, holder not
   * named, released when its connection dies. The claims of a dialect such as H2's.
   */
  public static Capabilities basic() {
    return new Capabilities(false, false, false, true);
  }

  /** These capabilities, with transactional DDL claimed or not. */
  public Capabilities withTransactionalDdl(boolean claimed) {
    return new Capabilities(
        claimed, advisoryLocks, namesLockHolder, releasesLockWhenConnectionDies);
  }

  /** These capabilities, with a lock that needs no table claimed or not. */
  public Capabilities withAdvisoryLocks(boolean claimed) {
    return new Capabilities(
        transactionalDdl, claimed, namesLockHolder, releasesLockWhenConnectionDies);
  }

  /** These capabilities, with lock timeouts that name the holder claimed or not. */
  public Capabilities withNamesLockHolder(boolean claimed) {
    return new Capabilities(
        transactionalDdl, advisoryLocks, claimed, releasesLockWhenConnectionDies);
  }

  /** These capabilities, with the lock's release on connection death claimed or not. */
  public Capabilities withReleasesLockWhenConnectionDies(boolean claimed) {
    return new Capabilities(transactionalDdl, advisoryLocks, namesLockHolder, claimed);
  }
}
