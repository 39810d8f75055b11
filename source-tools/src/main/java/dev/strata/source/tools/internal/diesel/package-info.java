/** The diesel source's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.tools.internal.diesel;

import org.jspecify.annotations.NullMarked;
