/** The drizzle source's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.drizzle.internal;

import org.jspecify.annotations.NullMarked;
