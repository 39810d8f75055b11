/** Strata's implementation; internal, and may change in any release without notice. */
@NullMarked
package dev.strata.core.internal.schema;

import org.jspecify.annotations.NullMarked;
