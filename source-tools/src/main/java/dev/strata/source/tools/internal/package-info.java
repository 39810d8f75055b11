/** The tool sources' implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.tools.internal;

import org.jspecify.annotations.NullMarked;
