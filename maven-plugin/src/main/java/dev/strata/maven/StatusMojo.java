package dev.strata.maven;

import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.StatusReport;
import dev.strata.core.Strata;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs every migration with its state (applied, pending, failed, edited, missing, …), when and by
 * whom it was applied and how long it took; changes nothing.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class StatusMojo extends StrataMojo {
  /** Called by Maven. */
  public StatusMojo() {}

  @Override
  void run(Strata strata) {
    StatusReport report = strata.status();
    getLog().info("Status of " + strata.configuration().displayUrl() + ":");
    for (MigrationInfo m : report.migrations()) {
      getLog().info("  " + line(m));
    }
    getLog().info(counts(report));
  }

  /** {@code V1 create person: applied 2025-01-31T10:15:30Z by app in 12 ms}. */
  static String line(MigrationInfo m) {
    StringBuilder line =
        new StringBuilder(m.id().toString()).append(": ").append(m.state().label());
    if (m.appliedAt() != null) {
      line.append(' ').append(m.appliedAt().truncatedTo(ChronoUnit.SECONDS));
    }
    if (m.appliedBy() != null) {
      line.append(" by ").append(m.appliedBy());
    }
    if (m.durationMs() != null) {
      line.append(" in ").append(m.durationMs()).append(" ms");
    }
    return line.toString();
  }

  private static String counts(StatusReport report) {
    Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
    report.migrations().forEach(m -> counts.merge(m.state(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((state, n) -> parts.add(n + " " + state.label()));
    int total = report.migrations().size();
    return total
        + (total == 1 ? " migration" : " migrations")
        + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
        + (report.isUpToDate() ? "; up to date" : "");
  }
}
