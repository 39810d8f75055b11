package dev.strata.source.tools.internal;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that ordering versions as numbers, as Strata does, runs migrations in the order of a tool
 * that orders them as text (Diesel and Prisma compare names character by character, so {@code 10}
 * runs before {@code 9}). Where the two orders differ, Strata refuses rather than run the folder in
 * another order than its tool.
 */
public final class TextOrder {
  private TextOrder() {}

  /** One migration: its version, the version's text as the tool compares it, and its origin. */
  public record Named(MigrationVersion version, String text, String origin) {}

  /**
   * @param tool the tool, for the message
   * @param how how the tool compares, for the message ({@code "by folder name"})
   * @throws MigrationDiscoveryException naming the first two migrations whose orders differ
   */
  public static void require(List<Named> migrations, String tool, String how) {
    List<Named> byNumber = new ArrayList<>(migrations);
    byNumber.sort(Comparator.comparing(Named::version));
    for (int i = 1; i < byNumber.size(); i++) {
      Named before = byNumber.get(i - 1);
      Named after = byNumber.get(i);
      if (before.text().compareTo(after.text()) > 0 && !before.version().equals(after.version())) {
        throw new MigrationDiscoveryException(
            tool
                + " orders migrations "
                + how
                + ", so it runs "
                + after.origin()
                + " (version "
                + after.text()
                + ") before "
                + before.origin()
                + " (version "
                + before.text()
                + "); Strata orders versions as numbers and would run them the other way round."
                + " Give the versions the same number of digits (pad with leading zeros), so that"
                + " both orders agree",
            List.of(after.origin(), before.origin()));
      }
    }
  }
}
