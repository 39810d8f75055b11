/**
 * Batched backfills for Java migrations: {@link dev.strata.backfill.Backfill} updates a table in
 * key-range batches, each batch its own short transaction, with its progress persisted so that a
 * stopped or killed run resumes where it stopped.
 *
 * <pre>{@code
 * public final class V7__Backfill_emails implements JavaMigration {
 *   public boolean transactional() { return false; } // batches commit themselves
 *   public void up(JavaMigrationContext context) throws SQLException {
 *     Backfill.table("person").key("id").batchSize(1_000).pause(Duration.ofMillis(50))
 *         .set("email_lower = lower(email)").where("email_lower IS NULL")
 *         .run(context);
 *   }
 * }
 * }</pre>
 */
@NullMarked
package dev.strata.backfill;

import org.jspecify.annotations.NullMarked;
