/** The PostgreSQL dialect's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.dialect.postgres.internal;

import org.jspecify.annotations.NullMarked;
