/** The H2 dialect's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.dialect.h2.internal;

import org.jspecify.annotations.NullMarked;
