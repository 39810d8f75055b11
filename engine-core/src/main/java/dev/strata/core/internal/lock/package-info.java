/**
 * The engine's own migration lock for {@code lockMode=LEASE}, taken instead of the dialect's;
 * internal, and may change in any release without notice.
 */
@NullMarked
package dev.strata.core.internal.lock;

import org.jspecify.annotations.NullMarked;
