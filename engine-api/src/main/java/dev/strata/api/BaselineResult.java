package dev.strata.api;

import java.util.List;

/**
 * What {@code baseline} recorded.
 *
 * @param version versions up to and including this one count as applied from now on
 * @param adopted the migrations another tool had applied, each recorded as baselined with its
 *     checksum ({@code baseline --from}); empty for a plain baseline
 */
public record BaselineResult(MigrationVersion version, List<MigrationId> adopted) {
  public BaselineResult {
    adopted = List.copyOf(adopted);
  }
}
