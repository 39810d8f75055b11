/** Strata's implementation; internal, and may change in any release without notice. */
@NullMarked
package dev.strata.core.internal.plugin;

import org.jspecify.annotations.NullMarked;
