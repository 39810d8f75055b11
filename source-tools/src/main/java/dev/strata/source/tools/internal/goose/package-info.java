/** The goose sources' implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.tools.internal.goose;

import org.jspecify.annotations.NullMarked;
