/** The backfill's implementation; internal, and may change in any release without notice. */
@NullMarked
package dev.strata.backfill.internal;

import org.jspecify.annotations.NullMarked;
