/** The MySQL dialect's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.dialect.mysql.internal;

import org.jspecify.annotations.NullMarked;
