package dev.strata.source.drizzle.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * drizzle-kit's {@code meta/_journal.json}: {@code {"version": "7", "dialect": "postgresql",
 * "entries": [{"idx": 0, "version": "7", "when": 1728598022383, "tag": "0000_keen_devos",
 * "breakpoints": true}]}}.
 *
 * @param version the journal format version drizzle-kit wrote, {@code null} when absent
 * @param dialect the dialect drizzle-kit generated for ({@code postgresql}, {@code mysql}, {@code
 *     sqlite}, ...), {@code null} when absent; informational only, since Strata picks the dialect
 *     from the connection
 * @param entries the migrations, in the journal's order (the order drizzle applies them in)
 */
public record Journal(@Nullable String version, @Nullable String dialect, List<Entry> entries) {
  public Journal {
    entries = List.copyOf(entries);
  }

  /**
   * One migration of the journal.
   *
   * @param position the 1-based position in {@code entries}, for messages
   * @param line the journal line on which the entry starts, for messages
   * @param idx the entry's {@code idx}, {@code null} when absent
   * @param when the entry's {@code when} (drizzle's {@code folderMillis}, the creation time in
   *     epoch milliseconds that drizzle records in {@code __drizzle_migrations.created_at}), {@code
   *     null} when absent
   * @param tag the file name without {@code .sql}
   * @param breakpoints whether drizzle-kit separated the statements with {@code -->
   *     statement-breakpoint}; {@code true} when absent, since drizzle splits on the marker either
   *     way
   */
  public record Entry(
      int position,
      int line,
      @Nullable Long idx,
      @Nullable Long when,
      String tag,
      boolean breakpoints) {}
}
