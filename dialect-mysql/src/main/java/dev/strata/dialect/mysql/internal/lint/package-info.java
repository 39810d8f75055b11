/** The MySQL dialect's lint rules; internal, and may change at any time. */
@NullMarked
package dev.strata.dialect.mysql.internal.lint;

import org.jspecify.annotations.NullMarked;
