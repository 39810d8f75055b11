/** The sqlx source's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.tools.internal.sqlx;

import org.jspecify.annotations.NullMarked;
