package dev.strata.spring.boot.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Told when the startup command (what {@code strata.mode} or a migration strategy runs) has
 * finished; the metrics time it through this. Called on the thread that ran the command, before a
 * failure propagates.
 */
@FunctionalInterface
public interface StartupCommandListener {
  /**
   * @param mode {@code migrate}, {@code validate}, or {@code custom} for a migration strategy bean
   * @param duration how long the command took
   * @param failure what it threw, or {@code null} when it succeeded
   */
  void finished(String mode, Duration duration, @Nullable Throwable failure);
}
