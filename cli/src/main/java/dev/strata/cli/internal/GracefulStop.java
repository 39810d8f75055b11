package dev.strata.cli.internal;

import dev.strata.cli.ExitCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops the running command gracefully on SIGTERM (Kubernetes deleting a pod, {@code docker stop})
 * or SIGINT (Ctrl-C): it {@linkplain StopRequest#stop requests the stop}, gives the command up to
 * the grace period to report and return (the main thread then exits with the command's exit code,
 * {@link ExitCode#STOPPED} when it was cancelled), and exits with {@link ExitCode#STOPPED} itself
 * when the command does not finish in time. A second signal exits at once.
 *
 * <p>It handles the signals instead of registering a shutdown hook: hooks run all at once, so H2's
 * own hook would close an embedded database under the command being stopped (and lose what it had
 * committed), and a hook can set the exit code only with {@link Runtime#halt}, which cuts every
 * other hook short. Here the JVM shuts down only after the command has closed its connections, and
 * exits normally.
 */
public final class GracefulStop {
  /** Kubernetes' default grace period is 30 s; 10 s leaves room for the JVM and the pod. */
  public static final Duration GRACE = Duration.ofSeconds(10);

  private final StopRequest stop;
  private final Duration grace;
  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicBoolean signalled = new AtomicBoolean();

  private GracefulStop(StopRequest stop, Duration grace) {
    this.stop = stop;
    this.grace = grace;
  }

  /**
   * Handles SIGTERM and SIGINT for a command about to run with {@code stop}. Where the JVM does not
   * let a program handle them ({@code -Xrs}), their default (exit at once) stays.
   */
  public static GracefulStop install(StopRequest stop, Duration grace) {
    GracefulStop g = new GracefulStop(stop, grace);
    for (String name : List.of("TERM", "INT")) {
      try {
        Signal.handle(new Signal(name), signal -> g.onSignal("SIG" + signal.getName()));
      } catch (IllegalArgumentException e) {
        // This JVM reserves the signal; the default applies.
      }
    }
    return g;
  }

  /** The command returned; the main thread exits with its code. */
  public void finished() {
    done.countDown();
  }

  /** Runs on a thread of its own, started by the JVM for each signal. */
  private void onSignal(String name) {
    if (!signalled.compareAndSet(false, true)) {
      System.exit(ExitCode.STOPPED); // a second signal: do not wait any longer
      return;
    }
    stop.stop("the process received " + name);
    boolean finished;
    try {
      finished = done.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    if (!finished) {
      stop.reportTimeout(grace);
      System.exit(ExitCode.STOPPED);
    }
  }
}
